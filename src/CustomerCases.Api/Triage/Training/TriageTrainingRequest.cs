using CustomerCases.Classification.Training;

namespace CustomerCases.Api.Triage.Training;

/// <summary>What to train on, and optionally what to score the candidate on against the active model.</summary>
/// <param name="Training">The rows the candidate learns from.</param>
/// <param name="Evaluation">Held-back rows both models are scored on (macro-F1 per label set); null = no scoring.</param>
/// <param name="ActivePackage">The active model's stored package; null = no active model (its score is then NaN).</param>
internal sealed record TriageTrainingRequest(LabelledDataset Training, LabelledDataset? Evaluation = null, byte[]? ActivePackage = null);
