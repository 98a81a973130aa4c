using System.Globalization;

namespace CustomerCases.Classification.Promotion;

/// <summary>
/// The promotion rule, as a pure function: a candidate replaces the active model when its score on the same evaluation
/// set is not worse than the active model's by more than <c>tolerance</c>. The tolerance absorbs noise of a small
/// evaluation set so fresh data (new products, new wording) is not blocked by a hair's-breadth difference.
/// </summary>
public static class PromotionRule
{
    /// <summary>
    /// Decides on promotion. Scores are in [0, 1] (e.g. macro-F1); <paramref name="activeScoreOnEvalSet"/> is NaN when
    /// there is no active model.
    /// </summary>
    public static PromotionDecision Decide(double candidateScoreOnEvalSet, double activeScoreOnEvalSet, double tolerance)
    {
        if (double.IsNaN(candidateScoreOnEvalSet))
        {
            return new PromotionDecision(false, candidateScoreOnEvalSet, activeScoreOnEvalSet, tolerance, "rejected: candidate has no score");
        }
        if (tolerance < 0 || double.IsNaN(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), "tolerance must be ≥ 0");
        }
        if (double.IsNaN(activeScoreOnEvalSet))
        {
            return new PromotionDecision(true, candidateScoreOnEvalSet, activeScoreOnEvalSet, tolerance, "promoted: no active model to compare with");
        }
        var difference = candidateScoreOnEvalSet - activeScoreOnEvalSet;
        var promote = difference >= -tolerance;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{(promote ? "promoted" : "rejected")}: candidate {candidateScoreOnEvalSet:F4} vs active {activeScoreOnEvalSet:F4} " +
            $"(difference {difference:+0.0000;-0.0000;0.0000}, tolerance {tolerance:F4})");
        return new PromotionDecision(promote, candidateScoreOnEvalSet, activeScoreOnEvalSet, tolerance, reason);
    }
}
