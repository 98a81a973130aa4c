using System.Reflection;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification;

/// <summary>
/// The model a fresh install starts with: trained in seconds on the embedded starter CSV (category and priority), so
/// intake classifies from the first request until the company's own case history replaces it.
/// </summary>
public static class StarterModel
{
    /// <summary>Label columns of the starter data.</summary>
    public static IReadOnlyList<string> LabelColumns { get; } = ["category", "priority"];

    private const string ResourceName = "CustomerCases.Classification.StarterData.starter-requests.csv";

    /// <summary>
    /// One fast, good candidate (chosen by running the full selection on the starter data): L-BFGS maximum entropy, whose
    /// softmax probabilities are the most usable for the thresholds. No refit: the selection fit is kept to halve the time.
    /// </summary>
    public static TrainingOptions Options { get; } = new()
    {
        Candidates = [TriageTrainerKind.LbfgsMaximumEntropy],
        LbfgsL2Grid = [0.01],
        RefitOnAllRows = true,
        MaxThreads = 1,
    };

    /// <summary>The embedded starter data set (columns text, category, priority).</summary>
    public static LabelledDataset LoadDataset()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return CsvDatasetReader.Read(reader, new CsvDatasetOptions { TextColumn = "text", LabelColumns = LabelColumns }, "starter-requests.csv (embedded)");
    }

    /// <summary>Trains the starter model (a few seconds on 2 cores).</summary>
    public static TrainedModel Train(TrainingOptions? options = null) => new TriageTrainer(options ?? Options).Train(LoadDataset());
}
