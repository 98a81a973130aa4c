using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class DecisionThresholdsTests
{
    [Theory]
    [InlineData(0.95, TriageDecision.AutoApply)]
    [InlineData(0.90, TriageDecision.AutoApply)]
    [InlineData(0.89, TriageDecision.Suggest)]
    [InlineData(0.60, TriageDecision.Suggest)]
    [InlineData(0.59, TriageDecision.NeedsHuman)]
    [InlineData(0.0, TriageDecision.NeedsHuman)]
    public void Probability_maps_to_decision(double probability, TriageDecision expected)
    {
        var thresholds = new DecisionThresholds { AutoApply = 0.9, Suggest = 0.6 };

        Assert.Equal(expected, thresholds.Decide(probability));
    }

    [Fact]
    public void Auto_apply_below_suggest_is_rejected()
    {
        var thresholds = new DecisionThresholds { AutoApply = 0.4, Suggest = 0.6 };

        Assert.Throws<ArgumentException>(thresholds.Validate);
    }

    [Fact]
    public void Equal_thresholds_mean_no_suggest_band()
    {
        var thresholds = new DecisionThresholds { AutoApply = 0.7, Suggest = 0.7 };

        Assert.Equal(TriageDecision.AutoApply, thresholds.Decide(0.7));
        Assert.Equal(TriageDecision.NeedsHuman, thresholds.Decide(0.69));
    }
}
