using System.Globalization;
using CustomerCases.Classification.Training;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>
/// "Not sure → human": a prediction counts as out-of-scope when the model says the oos label or its top probability is
/// below t. t is chosen on the validation split carved from the training data, never on the test file.
/// </summary>
internal static class OutOfScopeThreshold
{
    /// <summary>Rules: "balanced" (max mean of in-scope accuracy and oos recall), "accuracy" (max accuracy over all
    /// validation rows, the CLINC150 paper's rule), "recall:x" (lowest t whose validation oos recall reaches x).</summary>
    public static IReadOnlyList<string> StandardRules { get; } = ["balanced", "accuracy", "recall:0.5", "recall:0.7"];

    public static (double InScopeAccuracy, double OosRecall) Score(
        IEnumerable<ValidationPrediction> predictions, string oosLabel, double threshold)
    {
        var (inScope, inScopeCorrect, oos, oosCaught) = Count(predictions, oosLabel, threshold);
        return (inScope == 0 ? 0 : (double)inScopeCorrect / inScope, oos == 0 ? 0 : (double)oosCaught / oos);
    }

    public static double Choose(IReadOnlyList<ValidationPrediction> validation, string oosLabel, string rule)
    {
        double? targetRecall = rule.StartsWith("recall:", StringComparison.Ordinal)
            ? double.Parse(rule["recall:".Length..], CultureInfo.InvariantCulture)
            : null;
        if (targetRecall is null && rule is not ("balanced" or "accuracy"))
        {
            throw new ArgumentException($"unknown oos rule '{rule}'; use balanced, accuracy or recall:<0..1>");
        }
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        for (var step = 0; step <= 99; step++)
        {
            var t = step / 100.0;
            var (inScope, inScopeCorrect, oos, oosCaught) = Count(validation, oosLabel, t);
            var recall = oos == 0 ? 0 : (double)oosCaught / oos;
            if (targetRecall is { } target)
            {
                if (recall >= target)
                {
                    return t;
                }
                continue;
            }
            var value = rule == "balanced"
                ? ((inScope == 0 ? 0 : (double)inScopeCorrect / inScope) + recall) / 2
                : (double)(inScopeCorrect + oosCaught) / Math.Max(1, inScope + oos);
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                best = t;
            }
        }
        return targetRecall is null ? best : 0.99;
    }

    private static (int InScope, int InScopeCorrect, int Oos, int OosCaught) Count(
        IEnumerable<ValidationPrediction> predictions, string oosLabel, double threshold)
    {
        int inScope = 0, inScopeCorrect = 0, oos = 0, oosCaught = 0;
        foreach (var p in predictions)
        {
            var routedToHuman = p.Predicted == oosLabel || p.Probability < threshold;
            if (p.Actual == oosLabel)
            {
                oos++;
                oosCaught += routedToHuman ? 1 : 0;
            }
            else
            {
                inScope++;
                inScopeCorrect += !routedToHuman && p.Predicted == p.Actual ? 1 : 0;
            }
        }
        return (inScope, inScopeCorrect, oos, oosCaught);
    }
}
