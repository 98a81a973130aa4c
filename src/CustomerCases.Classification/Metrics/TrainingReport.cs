namespace CustomerCases.Classification.Metrics;

/// <summary>What one training run did, per label set. Serialisable; stored in the model manifest.</summary>
/// <param name="EmbedSeconds">Time spent computing sentence embeddings of all rows (0 without an embedder); included in <paramref name="TotalSeconds"/>.</param>
public sealed record TrainingReport(
    string Source,
    int Rows,
    IReadOnlyList<LabelSetReport> LabelSets,
    double TotalSeconds,
    double EmbedSeconds = 0);
