namespace CustomerCases.Classification.Metrics;

/// <summary>What one training run did, per label set. Serialisable; stored in the model manifest.</summary>
public sealed record TrainingReport(
    string Source,
    int Rows,
    IReadOnlyList<LabelSetReport> LabelSets,
    double TotalSeconds);
