namespace CustomerCases.Classification.Metrics;

/// <summary>How one candidate pipeline did on the validation split.</summary>
/// <param name="Candidate">Candidate name with its hyper-parameters, e.g. "LbfgsMaximumEntropy(L2=0.01)".</param>
/// <param name="Accuracy">Validation accuracy (NaN when skipped or failed).</param>
/// <param name="MacroF1">Validation macro-F1, the selection criterion (NaN when skipped or failed).</param>
/// <param name="LogLoss">Validation log-loss of the calibrated probabilities.</param>
/// <param name="TrainSeconds">Wall time to fit the trainer on the featurised training part.</param>
/// <param name="Skipped">Why the candidate was not trained or failed, or null when it ran.</param>
public sealed record CandidateResult(
    string Candidate,
    double Accuracy,
    double MacroF1,
    double LogLoss,
    double TrainSeconds,
    string? Skipped = null);
