namespace CustomerCases.Classification.Training;

/// <summary>How to read a labelled CSV file (header row, RFC 4180 quoting).</summary>
public sealed record CsvDatasetOptions
{
    /// <summary>Name of the text column in the header.</summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>Names of the label columns in the header; one model is trained per column.</summary>
    public IReadOnlyList<string> LabelColumns { get; init; } = ["label"];

    /// <summary>Optional second text column (e.g. a subject) joined in front of <see cref="TextColumn"/>.</summary>
    public string? SubjectColumn { get; init; }
}
