using CustomerCases.Classification.Promotion;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class PromotionRuleTests
{
    [Fact]
    public void Better_candidate_is_promoted_with_both_scores_recorded()
    {
        var decision = PromotionRule.Decide(0.91, 0.88, 0.01);

        Assert.True(decision.Promote);
        Assert.Equal(0.91, decision.CandidateScore);
        Assert.Equal(0.88, decision.ActiveScore);
        Assert.StartsWith("promoted", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("0.9100", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("0.8800", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Slightly_worse_candidate_within_tolerance_is_promoted()
    {
        Assert.True(PromotionRule.Decide(0.875, 0.88, 0.01).Promote);
    }

    [Fact]
    public void Candidate_worse_than_tolerance_is_rejected()
    {
        var decision = PromotionRule.Decide(0.85, 0.88, 0.01);

        Assert.False(decision.Promote);
        Assert.StartsWith("rejected", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_active_model_the_candidate_is_promoted()
    {
        Assert.True(PromotionRule.Decide(0.5, double.NaN, 0.01).Promote);
    }

    [Fact]
    public void Candidate_without_a_score_is_rejected()
    {
        Assert.False(PromotionRule.Decide(double.NaN, 0.8, 0.01).Promote);
    }
}
