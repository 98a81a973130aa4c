using CustomerCases.Classification.Metrics;
using Microsoft.ML;

namespace CustomerCases.Classification.Training;

/// <summary>
/// The trained model of one label set: an ML.NET transformer ("Text" → "Score"), its labels and its selection report.
/// <see cref="Refinement"/> is set when a candidate using sentence embeddings won the selection: this model is then the
/// best n-gram candidate, fast enough for intake, and the refinement replaces its answer once the embedding is computed.
/// <see cref="OutOfFoldPredictions"/> (with <see cref="TrainingOptions.OutOfScope"/> only): every row as the final
/// configuration (the refined answer when there is a refinement) scored it without training on it, in row order.
/// </summary>
public sealed record TrainedLabelSet(
    string Name,
    ITransformer Model,
    DataViewSchema InputSchema,
    IReadOnlyList<string> Labels,
    string Pipeline,
    DecisionThresholds AdvisedThresholds,
    LabelSetReport Report,
    IReadOnlyList<ValidationPrediction> ValidationPredictions,
    TrainedRefinement? Refinement = null,
    IReadOnlyList<ValidationPrediction>? OutOfFoldPredictions = null);

/// <summary>The embedding model of a label set ("Text" + "Embedding" → "Score"), with its own validation and thresholds.</summary>
/// <param name="IntakeWeight">
/// When above 0, the refined answer is the blend IntakeWeight × intake probabilities + (1 − IntakeWeight) × this model's
/// (validation metrics and thresholds are those of the blend).
/// </param>
public sealed record TrainedRefinement(
    string EmbedderId,
    int Dimension,
    ITransformer Model,
    DataViewSchema InputSchema,
    IReadOnlyList<string> Labels,
    string Pipeline,
    DecisionThresholds AdvisedThresholds,
    ModelMetrics ValidationMetrics,
    IReadOnlyList<ValidationPrediction> ValidationPredictions,
    double IntakeWeight = 0);
