using System.Globalization;

namespace CustomerCases.Classification.Training;

/// <summary>
/// Out-of-scope thresholds: a prediction goes to a human when it is the out-of-scope label or its top probability is
/// below t. Pure functions over scored rows; which rows they are given (validation, out-of-fold) decides what the
/// choice is worth.
/// </summary>
public static class OutOfScopeRule
{
    /// <summary>Thresholds tried, in order: 0, 0.01, …, 1 (at 1 every prediction below certainty goes to a human).</summary>
    public static IReadOnlyList<double> Grid { get; } = Enumerable.Range(0, 101).Select(s => s / 100.0).ToArray();

    /// <summary>In-scope accuracy (right and not sent to a human) and out-of-scope recall (sent to a human) at t.</summary>
    public static (double InScopeAccuracy, double OosRecall) Score(IEnumerable<ValidationPrediction> predictions, string oosLabel, double threshold)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var (inScope, inScopeCorrect, oos, oosCaught) = Count(predictions, oosLabel, threshold);
        return (inScope == 0 ? 0 : (double)inScopeCorrect / inScope, oos == 0 ? 0 : (double)oosCaught / oos);
    }

    /// <summary>target + margin × √(target (1 − target) / n), at most 1: the recall the scored rows must show.</summary>
    public static double RequiredRecall(double targetRecall, double marginStandardErrors, int oosRows) =>
        oosRows <= 0 ? targetRecall : Math.Min(1, targetRecall + marginStandardErrors * Math.Sqrt(targetRecall * (1 - targetRecall) / oosRows));

    /// <summary>
    /// The lowest grid threshold whose recall on <paramref name="predictions"/> reaches <paramref name="requiredRecall"/>
    /// (the lowest, because in-scope accuracy only falls as t rises); 1 when none below does.
    /// </summary>
    public static double LowestThresholdForRecall(IReadOnlyList<ValidationPrediction> predictions, string oosLabel, double requiredRecall)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (var t in Grid)
        {
            if (Score(predictions, oosLabel, t).OosRecall >= requiredRecall - 1e-12)
            {
                return t;
            }
        }
        return 1;
    }

    /// <summary>
    /// Rules by name: "balanced" (max mean of in-scope accuracy and oos recall), "accuracy" (max accuracy over all rows,
    /// the CLINC150 paper's rule), "recall:x" (lowest t whose recall reaches x, no margin).
    /// </summary>
    public static double Choose(IReadOnlyList<ValidationPrediction> predictions, string oosLabel, string rule)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(rule);
        if (TryParseRecall(rule) is { } target)
        {
            return LowestThresholdForRecall(predictions, oosLabel, target);
        }
        if (rule is not ("balanced" or "accuracy"))
        {
            throw new ArgumentException($"unknown oos rule '{rule}'; use balanced, accuracy or recall:<0..1>", nameof(rule));
        }
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        foreach (var t in Grid.Take(100))
        {
            var (inScope, inScopeCorrect, oos, oosCaught) = Count(predictions, oosLabel, t);
            var recall = oos == 0 ? 0 : (double)oosCaught / oos;
            var value = rule == "balanced"
                ? ((inScope == 0 ? 0 : (double)inScopeCorrect / inScope) + recall) / 2
                : (double)(inScopeCorrect + oosCaught) / Math.Max(1, inScope + oos);
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                best = t;
            }
        }
        return best;
    }

    /// <summary>The x of "recall:x", or null for another rule; throws when x is not in (0, 1].</summary>
    public static double? TryParseRecall(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.StartsWith("recall:", StringComparison.Ordinal))
        {
            return null;
        }
        var target = double.Parse(rule["recall:".Length..], CultureInfo.InvariantCulture);
        return target is > 0 and <= 1 ? target : throw new ArgumentException($"oos rule '{rule}': the recall must be in (0, 1]", nameof(rule));
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
