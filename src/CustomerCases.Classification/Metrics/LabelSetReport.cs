namespace CustomerCases.Classification.Metrics;

/// <summary>Model selection for one label set: every candidate's validation figures, the winner and why.</summary>
/// <param name="LabelSet">Label column name.</param>
/// <param name="TrainingRows">Rows with a label in this column.</param>
/// <param name="ValidationRows">Rows carved out (stratified, seeded) for selection.</param>
/// <param name="Labels">Distinct labels, in model order.</param>
/// <param name="Candidates">All candidates, in the order tried.</param>
/// <param name="Winner">Name of the chosen candidate.</param>
/// <param name="Reason">Human-readable reason for the choice.</param>
/// <param name="WinnerValidationMetrics">Full validation metrics of the winner (trained on the training part only).</param>
/// <param name="FeaturizeSeconds">Time to fit and apply the text featurisation during selection.</param>
/// <param name="FinalFitSeconds">Time to refit the winner on all rows.</param>
/// <param name="IntakeCandidate">When the winner needs sentence embeddings: the best n-gram candidate, which answers at intake until the refinement does.</param>
/// <param name="IntakeValidationMetrics">Validation metrics of <paramref name="IntakeCandidate"/>.</param>
/// <param name="OutOfScope">How the out-of-scope threshold was chosen, when training was asked for one and the label set has the label.</param>
/// <param name="DroppedLabels">Labels left out because they had fewer rows than the minimum (cannot be learned and validated).</param>
public sealed record LabelSetReport(
    string LabelSet,
    int TrainingRows,
    int ValidationRows,
    IReadOnlyList<string> Labels,
    IReadOnlyList<CandidateResult> Candidates,
    string Winner,
    string Reason,
    ModelMetrics WinnerValidationMetrics,
    double FeaturizeSeconds,
    double FinalFitSeconds,
    IReadOnlyList<string> DroppedLabels,
    string? IntakeCandidate = null,
    ModelMetrics? IntakeValidationMetrics = null,
    OutOfScopeCalibration? OutOfScope = null);
