using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class StratifiedFoldsTests
{
    private static readonly string[] Labels = Enumerable.Range(0, 103).Select(i => i % 10 == 0 ? "rare" : i % 3 == 0 ? "a" : "b").ToArray();

    [Fact]
    public void Every_index_lands_in_exactly_one_fold_and_each_label_is_spread_evenly()
    {
        var indices = Enumerable.Range(0, Labels.Length).ToList();

        var folds = StratifiedFolds.Split(indices, i => Labels[i], 4, seed: 3);

        Assert.Equal(4, folds.Count);
        Assert.Equal(indices, folds.SelectMany(f => f).Order());
        foreach (var label in Labels.Distinct())
        {
            var perFold = folds.Select(f => f.Count(i => Labels[i] == label)).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(",", perFold)}");
        }
        Assert.True(folds.Max(f => f.Count) - folds.Min(f => f.Count) <= 1);
    }

    [Fact]
    public void Same_seed_same_folds_and_another_seed_other_folds()
    {
        var indices = Enumerable.Range(0, Labels.Length).ToList();

        var first = StratifiedFolds.Split(indices, i => Labels[i], 4, seed: 3);
        var again = StratifiedFolds.Split(indices, i => Labels[i], 4, seed: 3);
        var other = StratifiedFolds.Split(indices, i => Labels[i], 4, seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
