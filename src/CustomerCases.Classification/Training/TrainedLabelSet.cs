using CustomerCases.Classification.Metrics;
using Microsoft.ML;

namespace CustomerCases.Classification.Training;

/// <summary>The trained model of one label set: an ML.NET transformer ("Text" → "Score"), its labels and its selection report.</summary>
public sealed record TrainedLabelSet(
    string Name,
    ITransformer Model,
    DataViewSchema InputSchema,
    IReadOnlyList<string> Labels,
    string Pipeline,
    DecisionThresholds AdvisedThresholds,
    LabelSetReport Report,
    IReadOnlyList<ValidationPrediction> ValidationPredictions);
