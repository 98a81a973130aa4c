using CustomerCases.Classification.Runtime;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class CaseClassifierTests(SyntheticModelFixture fixture)
{
    [Fact]
    public void Classify_returns_top_label_top3_and_probabilities_that_sum_to_one()
    {
        var classifier = new CaseClassifier(new ModelHolder(fixture.Model));

        var result = classifier.Classify("Invoice", "I was charged twice on my invoice");

        var category = result.For("category");
        Assert.Equal("billing", category.Label);
        Assert.Equal(fixture.Model.VersionId, result.ModelVersion);
        Assert.Equal(3, category.Top.Count);
        Assert.Equal(category.Label, category.Top[0].Label);
        Assert.Equal(category.Probability, category.Top[0].Probability);
        Assert.True(category.Top[0].Probability >= category.Top[1].Probability && category.Top[1].Probability >= category.Top[2].Probability);
        Assert.Equal(1.0, category.Top.Sum(t => t.Probability), 6); // 3 labels: top 3 is everything
        Assert.Equal(1.0, fixture.Model.LabelSets[0].PredictProbabilities("where is my parcel").Sum(), 6);
    }

    [Fact]
    public void Thresholds_from_options_decide_auto_apply_suggest_and_needs_human()
    {
        var probability = new CaseClassifier(new ModelHolder(fixture.Model)).Classify("courier lost my package").For("category").Probability;
        CaseClassification WithThresholds(double autoApply, double suggest) =>
            new CaseClassifier(new ModelHolder(fixture.Model), new Dictionary<string, DecisionThresholds>
            {
                ["Category"] = new() { AutoApply = autoApply, Suggest = suggest }, // label set names are case-insensitive
            }).Classify("courier lost my package");

        Assert.Equal(TriageDecision.AutoApply, WithThresholds(probability, probability).For("category").Decision);
        Assert.Equal(TriageDecision.Suggest, WithThresholds(1.0, probability).For("category").Decision);
        Assert.Equal(TriageDecision.NeedsHuman, WithThresholds(1.0, Math.Min(1.0, probability + 1e-6)).For("category").Decision);
    }

    [Fact]
    public void Without_a_model_every_label_set_needs_a_human()
    {
        var result = new CaseClassifier(new ModelHolder()).Classify("anything");

        Assert.Null(result.ModelVersion);
        Assert.Equal(TriageDecision.NeedsHuman, result.For("category").Decision);
        Assert.Null(result.For("category").Label);
    }

    [Fact]
    public void Null_classifier_always_says_needs_human()
    {
        var result = new NullCaseClassifier().Classify("subject", "I was charged twice");

        Assert.Equal(["category", "priority"], result.Predictions.Select(p => p.LabelSet));
        Assert.All(result.Predictions, p => Assert.Equal(TriageDecision.NeedsHuman, p.Decision));
    }

    [Fact]
    public void Advised_thresholds_keep_auto_apply_at_or_above_suggest()
    {
        var thresholds = fixture.Model.LabelSets[0].Thresholds;

        Assert.InRange(thresholds.Suggest, 0, thresholds.AutoApply);
        Assert.InRange(thresholds.AutoApply, 0.5, 1);
    }
}
