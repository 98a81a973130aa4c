using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class StratifiedSplitTests
{
    [Fact]
    public void Keeps_each_label_share_and_is_reproducible()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 80 ? "a" : "b").ToArray();
        var indices = Enumerable.Range(0, 100).ToList();

        var (train, holdout) = StratifiedSplit.Split(indices, i => labels[i], 0.25, seed: 5);
        var again = StratifiedSplit.Split(indices, i => labels[i], 0.25, seed: 5);

        Assert.Equal(20, holdout.Count(i => labels[i] == "a"));
        Assert.Equal(5, holdout.Count(i => labels[i] == "b"));
        Assert.Empty(train.Intersect(holdout));
        Assert.Equal(100, train.Count + holdout.Count);
        Assert.Equal(holdout, again.Holdout);
    }

    [Fact]
    public void A_label_with_one_row_stays_in_training_and_small_labels_keep_one_row_on_each_side()
    {
        string[] labels = ["solo", "pair", "pair"];

        var (train, holdout) = StratifiedSplit.Split([0, 1, 2], i => labels[i], 0.1, seed: 1);

        Assert.Contains(0, train);
        Assert.Single(holdout);
        Assert.Equal(2, train.Count);
    }
}
