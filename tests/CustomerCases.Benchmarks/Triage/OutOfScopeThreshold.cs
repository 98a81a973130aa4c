using CustomerCases.Classification.Training;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>
/// "Not sure → human": a prediction counts as out-of-scope when the model says the oos label or its top probability is
/// below t. t is chosen on the validation split carved from the training data, never on the test file.
/// </summary>
internal static class OutOfScopeThreshold
{
    public static (double InScopeAccuracy, double OosRecall) Score(
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
        return (inScope == 0 ? 0 : (double)inScopeCorrect / inScope, oos == 0 ? 0 : (double)oosCaught / oos);
    }

    /// <summary>
    /// Default rule: the t maximising the mean of in-scope accuracy and oos recall on validation (both kinds of error
    /// weigh the same). With a target recall: the lowest t whose validation oos recall reaches it.
    /// </summary>
    public static double Choose(IReadOnlyList<ValidationPrediction> validation, string oosLabel, double? targetRecall)
    {
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        for (var step = 0; step <= 95; step++)
        {
            var t = step / 100.0;
            var (inScope, recall) = Score(validation, oosLabel, t);
            if (targetRecall is { } target)
            {
                if (recall >= target)
                {
                    return t;
                }
                continue;
            }
            var value = (inScope + recall) / 2;
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                best = t;
            }
        }
        return targetRecall is null ? best : 0.95;
    }
}
