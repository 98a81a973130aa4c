namespace CustomerCases.Classification.Training;

/// <summary>Seeded, stratified k-fold assignment of row indices: each label is spread evenly over the folds.</summary>
public static class StratifiedFolds
{
    /// <summary>
    /// Deals <paramref name="indices"/> into <paramref name="folds"/> folds: per label (ordinal order), the rows are
    /// shuffled and dealt in turn, continuing from where the previous label stopped so fold sizes differ by at most one.
    /// Every index lands in exactly one fold; each fold is sorted.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<int> indices, Func<int, string> labelOf, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labelOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        var random = new Random(seed);
        var result = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        var next = 0;
        foreach (var group in indices.GroupBy(labelOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var member in members)
            {
                result[next].Add(member);
                next = (next + 1) % folds;
            }
        }
        foreach (var fold in result)
        {
            fold.Sort();
        }
        return result;
    }
}
