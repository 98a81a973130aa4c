namespace CustomerCases.Classification.Training;

/// <summary>Seeded, stratified split of row indices: each label keeps (about) the same share in both parts.</summary>
public static class StratifiedSplit
{
    /// <summary>
    /// Splits <paramref name="indices"/> by their label into (Train, Holdout) with about <paramref name="holdoutFraction"/>
    /// of each label held out. A label with a single row stays in Train (it cannot be evaluated without being unseen).
    /// </summary>
    public static (IReadOnlyList<int> Train, IReadOnlyList<int> Holdout) Split(
        IReadOnlyList<int> indices, Func<int, string> labelOf, double holdoutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labelOf);
        if (holdoutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutFraction), "holdout fraction must be in (0, 1)");
        }
        var random = new Random(seed);
        var train = new List<int>();
        var holdout = new List<int>();
        // Ordinal order of labels makes the split independent of row order of the groups.
        foreach (var group in indices.GroupBy(labelOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var take = members.Length < 2 ? 0 : Math.Clamp((int)Math.Round(members.Length * holdoutFraction), 1, members.Length - 1);
            holdout.AddRange(members.Take(take));
            train.AddRange(members.Skip(take));
        }
        train.Sort();
        holdout.Sort();
        return (train, holdout);
    }
}
