using CustomerCases.Classification.Metrics;

namespace CustomerCases.Classification.Training;

/// <summary>The result of a training run: one model per label set, ready to save or to load into a classifier.</summary>
public sealed record TrainedModel(
    string VersionId,
    DateTimeOffset CreatedAt,
    TrainingDataSummary TrainingData,
    IReadOnlyList<TrainedLabelSet> LabelSets,
    TrainingReport Report);
