using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class OutOfScopeRuleTests
{
    private const string Oos = "oos";

    [Fact]
    public void Required_recall_adds_the_margin_in_standard_errors_of_the_out_of_scope_rows_and_stops_at_one()
    {
        Assert.Equal(0.7 + Math.Sqrt(0.21 / 100), OutOfScopeRule.RequiredRecall(0.7, 1, 100), 12);
        Assert.Equal(0.7 + 2 * Math.Sqrt(0.21 / 25), OutOfScopeRule.RequiredRecall(0.7, 2, 25), 12);
        Assert.Equal(0.7, OutOfScopeRule.RequiredRecall(0.7, 0, 100), 12);
        Assert.Equal(1.0, OutOfScopeRule.RequiredRecall(0.9, 5, 4), 12);
    }

    [Fact]
    public void Lowest_threshold_counts_predicted_out_of_scope_rows_at_zero_and_rises_only_as_far_as_needed()
    {
        // 10 oos rows: 5 predicted oos (caught at any t), the others predicted in scope with probability 0.2 … 0.6.
        var predictions = Enumerable.Range(0, 5).Select(_ => new ValidationPrediction(Oos, Oos, 0.9))
            .Concat(new[] { 0.2, 0.3, 0.4, 0.5, 0.6 }.Select(p => new ValidationPrediction(Oos, "billing", p)))
            .Append(new ValidationPrediction("billing", "billing", 0.95))
            .ToList();

        Assert.Equal(0.0, OutOfScopeRule.LowestThresholdForRecall(predictions, Oos, 0.5));
        Assert.Equal(0.21, OutOfScopeRule.LowestThresholdForRecall(predictions, Oos, 0.6), 9); // catches 0.2: 6/10
        Assert.Equal(0.41, OutOfScopeRule.LowestThresholdForRecall(predictions, Oos, 0.75), 9); // needs 8/10
        Assert.Equal(0.41, OutOfScopeRule.Choose(predictions, Oos, "recall:0.75"), 9);
        var (inScope, recall) = OutOfScopeRule.Score(predictions, Oos, 0.41);
        Assert.Equal((1.0, 0.8), (inScope, recall));
    }

    [Fact]
    public void Unreachable_recall_sends_everything_below_certainty_to_a_human()
    {
        List<ValidationPrediction> predictions = [new(Oos, "billing", 1.0), new(Oos, Oos, 0.7)];

        Assert.Equal(1.0, OutOfScopeRule.LowestThresholdForRecall(predictions, Oos, 0.9));
    }

    [Fact]
    public void In_scope_rows_count_as_right_only_when_predicted_right_and_kept()
    {
        List<ValidationPrediction> predictions =
        [
            new("billing", "billing", 0.9), new("billing", "billing", 0.3), new("billing", "delivery", 0.9), new("billing", Oos, 0.9),
        ];

        Assert.Equal(0.5, OutOfScopeRule.Score(predictions, Oos, 0).InScopeAccuracy);
        Assert.Equal(0.25, OutOfScopeRule.Score(predictions, Oos, 0.5).InScopeAccuracy);
    }

    [Theory]
    [InlineData("recall:0")]
    [InlineData("recall:1.5")]
    [InlineData("precision")]
    public void Unknown_or_impossible_rules_are_refused(string rule) =>
        Assert.Throws<ArgumentException>(() => OutOfScopeRule.Choose([], Oos, rule));

    [Fact]
    public void Options_refuse_values_that_cannot_work()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutOfScopeOptions { Label = Oos, Folds = 1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutOfScopeOptions { Label = Oos, TargetRecall = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutOfScopeOptions { Label = Oos, MarginStandardErrors = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new OutOfScopeOptions { Label = " " }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TriageTrainer(SyntheticRequests.FastOptions with { OutOfScope = new OutOfScopeOptions { Label = Oos, Folds = 0 } }));
    }
}
