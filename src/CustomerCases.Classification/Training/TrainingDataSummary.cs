namespace CustomerCases.Classification.Training;

/// <summary>What a model was trained on, for the manifest: source, row count and per-label-set label counts.</summary>
public sealed record TrainingDataSummary(
    string Source,
    int Rows,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LabelCounts);
