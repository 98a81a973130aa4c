namespace CustomerCases.Classification.Training;

/// <summary>Labelled text for training: one text column and one or more label columns (one model per label column).</summary>
public sealed class LabelledDataset
{
    /// <summary>Creates a data set; every row must carry one label per label column.</summary>
    public LabelledDataset(string source, IReadOnlyList<string> labelColumns, IReadOnlyList<LabelledRow> rows)
    {
        ArgumentNullException.ThrowIfNull(labelColumns);
        ArgumentNullException.ThrowIfNull(rows);
        if (labelColumns.Count == 0)
        {
            throw new ArgumentException("at least one label column is required", nameof(labelColumns));
        }
        if (labelColumns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labelColumns.Count)
        {
            throw new ArgumentException("label column names must be unique", nameof(labelColumns));
        }
        foreach (var row in rows)
        {
            if (row.Labels.Count != labelColumns.Count)
            {
                throw new ArgumentException($"row has {row.Labels.Count} labels, expected {labelColumns.Count}", nameof(rows));
            }
        }
        Source = source;
        LabelColumns = labelColumns;
        Rows = rows;
    }

    /// <summary>Where the data came from (file name, "starter", "cases 2026-01..2026-06"...), recorded in the manifest.</summary>
    public string Source { get; }

    /// <summary>Names of the label columns, e.g. ["category", "priority"].</summary>
    public IReadOnlyList<string> LabelColumns { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<LabelledRow> Rows { get; }

    /// <summary>A single-label data set from (text, label) pairs given in code.</summary>
    public static LabelledDataset FromPairs(IEnumerable<(string Text, string Label)> rows, string labelColumn = "label", string source = "code") =>
        new(source, [labelColumn], rows.Select(r => new LabelledRow(r.Text, [r.Label])).ToList());

    /// <summary>The rows at the given indices, as a new data set with the same columns.</summary>
    public LabelledDataset Subset(IEnumerable<int> indices, string? source = null) =>
        new(source ?? Source, LabelColumns, indices.Select(i => Rows[i]).ToList());

    /// <summary>Index of a label column (case-insensitive); throws when absent.</summary>
    public int LabelColumnIndex(string labelColumn)
    {
        for (var i = 0; i < LabelColumns.Count; i++)
        {
            if (string.Equals(LabelColumns[i], labelColumn, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new ArgumentException($"no label column '{labelColumn}'; columns: {string.Join(", ", LabelColumns)}", nameof(labelColumn));
    }

    /// <summary>Row indices that carry a non-empty label in the given column.</summary>
    public IReadOnlyList<int> LabelledIndices(int labelColumnIndex) =>
        Enumerable.Range(0, Rows.Count).Where(i => Rows[i].Labels[labelColumnIndex].Length > 0).ToList();
}
