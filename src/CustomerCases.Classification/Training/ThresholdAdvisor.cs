namespace CustomerCases.Classification.Training;

/// <summary>
/// Proposes decision thresholds from validation predictions: the lowest probability at which the labels above it are
/// still right at least the target share of the time. Options may override them per label set.
/// </summary>
public static class ThresholdAdvisor
{
    /// <summary>Floors keep a tiny or too-easy validation split from proposing auto-apply at a coin toss.</summary>
    private const double MinimumAutoApply = 0.5;
    private const double MinimumSuggest = 0.2;

    /// <summary>Advised thresholds; auto-apply ≥ suggest always holds.</summary>
    public static DecisionThresholds Advise(IReadOnlyList<ValidationPrediction> predictions, double autoApplyPrecision, double suggestPrecision)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return DecisionThresholds.Default;
        }
        var autoApply = Math.Max(MinimumAutoApply, LowestThresholdWithPrecision(predictions, autoApplyPrecision));
        var suggest = Math.Max(MinimumSuggest, LowestThresholdWithPrecision(predictions, suggestPrecision));
        return new DecisionThresholds { AutoApply = Math.Round(autoApply, 4), Suggest = Math.Round(Math.Min(suggest, autoApply), 4) };
    }

    /// <summary>Lowest threshold t such that the predictions with probability ≥ t are right at least <paramref name="precision"/> of the time.</summary>
    public static double LowestThresholdWithPrecision(IReadOnlyList<ValidationPrediction> predictions, double precision)
    {
        var ordered = predictions.OrderByDescending(p => p.Probability).ToArray();
        var threshold = 1.0;
        var correct = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Actual == ordered[i].Predicted)
            {
                correct++;
            }
            // Only cut between distinct probabilities: rows with equal probability are all in or all out.
            var atBoundary = i == ordered.Length - 1 || ordered[i + 1].Probability < ordered[i].Probability;
            if (atBoundary && (double)correct / (i + 1) >= precision)
            {
                threshold = ordered[i].Probability;
            }
        }
        return threshold;
    }
}
