using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Tests;

/// <summary>Small generated data sets: three well-separated categories, so tiny models learn them in a second.</summary>
internal static class SyntheticRequests
{
    private static readonly string[] Openers = ["hi", "hello", "please help", "good morning", "urgent question", "hey", ""];

    private static readonly Dictionary<string, string[]> Phrases = new()
    {
        ["billing"] = ["charged twice on my invoice", "wrong amount on the bill", "invoice total is too high", "card charged an extra fee", "billing statement shows a duplicate payment"],
        ["delivery"] = ["parcel has not arrived", "courier lost my package", "tracking number shows no shipment", "delivery is late again", "the box was left at the wrong address"],
        ["account_access"] = ["cannot log in to my account", "password reset email missing", "account locked after login attempts", "two-factor code not working", "forgot my password and username"],
    };

    public static IReadOnlyList<string> Labels => Phrases.Keys.ToArray();

    /// <summary>Rows per label, deterministic for a seed: opener + phrase + a filler word.</summary>
    public static LabelledDataset Create(int rowsPerLabel, int seed = 7)
    {
        var random = new Random(seed);
        string[] fillers = ["today", "since monday", "thanks", "asap", "again", "please", "this week", ""];
        var rows = new List<(string, string)>();
        foreach (var (label, phrases) in Phrases)
        {
            for (var i = 0; i < rowsPerLabel; i++)
            {
                var text = $"{Openers[random.Next(Openers.Length)]} {phrases[random.Next(phrases.Length)]} {fillers[random.Next(fillers.Length)]}".Trim();
                rows.Add((text, label));
            }
        }
        return LabelledDataset.FromPairs(rows, "category", "synthetic");
    }

    /// <summary>Fast options for tests: two linear candidates, one L2 value, one thread.</summary>
    public static TrainingOptions FastOptions { get; } = new()
    {
        Candidates = [TriageTrainerKind.LbfgsMaximumEntropy, TriageTrainerKind.OneVersusAllAveragedPerceptron],
        LbfgsL2Grid = [0.01],
        MaxThreads = 1,
    };
}
