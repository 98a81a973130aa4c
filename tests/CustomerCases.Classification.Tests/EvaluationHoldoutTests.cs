using CustomerCases.Classification.Promotion;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class EvaluationHoldoutTests
{
    private static LabelledDataset Rows(int from, int count) =>
        LabelledDataset.FromPairs(Enumerable.Range(from, count).Select(i => ($"request number {i} about my invoice", i % 3 == 0 ? "billing" : "delivery")));

    [Fact]
    public void A_row_stays_held_back_when_rows_are_added_so_old_and_new_models_are_scored_on_unseen_text()
    {
        var before = EvaluationHoldout.Split(Rows(0, 500), 0.2);
        var after = EvaluationHoldout.Split(Rows(0, 800), 0.2); // 300 agents' labels later

        var heldBefore = before.Evaluation.Rows.Select(r => r.Text).ToHashSet();
        Assert.Subset(after.Evaluation.Rows.Select(r => r.Text).ToHashSet(), heldBefore);
        Assert.Empty(after.Training.Rows.Select(r => r.Text).Intersect(heldBefore));
    }

    [Fact]
    public void Holds_back_about_the_fraction_and_every_row_lands_on_exactly_one_side()
    {
        var data = Rows(0, 2000);

        var (training, evaluation) = EvaluationHoldout.Split(data, 0.2);

        Assert.Equal(2000, training.Rows.Count + evaluation.Rows.Count);
        Assert.Empty(training.Rows.Select(r => r.Text).Intersect(evaluation.Rows.Select(r => r.Text)));
        Assert.InRange(evaluation.Rows.Count, 330, 470); // 400 expected; a hash, not a shuffle, so not exact
    }

    [Fact]
    public void The_same_text_in_other_case_or_spacing_is_on_the_same_side_and_zero_holds_back_nothing()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Where is parcel {i}?").ToList();

        Assert.All(texts, t => Assert.Equal(EvaluationHoldout.IsHeldBack(t, 0.3), EvaluationHoldout.IsHeldBack("  " + t.ToUpperInvariant() + " ", 0.3)));
        Assert.DoesNotContain(texts, t => EvaluationHoldout.IsHeldBack(t, 0));
        Assert.Contains(texts, t => EvaluationHoldout.IsHeldBack(t, 0.3));
    }

    [Fact]
    public void The_starter_model_never_trains_on_held_back_starter_rows()
    {
        var (_, evaluation) = EvaluationHoldout.Split(StarterModel.LoadDataset(), 0.2);

        var trained = StarterModel.Train(evaluationFraction: 0.2);

        Assert.NotEmpty(evaluation.Rows);
        Assert.Equal(StarterModel.LoadDataset().Rows.Count - evaluation.Rows.Count, trained.Report.Rows);
    }
}
