using Microsoft.ML;

namespace CustomerCases.Classification.Training;

/// <summary>One concrete candidate: a trainer with its hyper-parameters, the features it needs, or why it is skipped.</summary>
internal sealed record CandidateSpec(
    string Name,
    TriageTrainerKind Kind,
    FeatureSet Features,
    Func<MLContext, IEstimator<ITransformer>> CreateTrainer,
    string? SkipReason = null);
