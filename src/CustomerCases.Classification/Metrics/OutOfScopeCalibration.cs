namespace CustomerCases.Classification.Metrics;

/// <summary>How training chose a label set's out-of-scope threshold (see <c>Training.OutOfScopeOptions</c>).</summary>
/// <param name="Label">The out-of-scope label.</param>
/// <param name="Folds">Folds of the out-of-fold scoring (fold 0 = the selection's validation split).</param>
/// <param name="OutOfScopeRows">Out-of-scope rows scored out of fold (all of them in the training data).</param>
/// <param name="TargetRecall">Share of out-of-scope requests that must reach a human.</param>
/// <param name="MarginStandardErrors">Safety margin in standard errors, fixed before evaluation.</param>
/// <param name="RequiredRecall">Target plus margin: the out-of-fold recall the threshold had to reach.</param>
/// <param name="Threshold">The chosen threshold: below it (or when the out-of-scope label is predicted) a human decides.</param>
/// <param name="OutOfFoldRecall">Out-of-fold out-of-scope recall at the threshold.</param>
/// <param name="OutOfFoldInScopeAccuracy">Out-of-fold in-scope accuracy at the threshold (right and not sent to a human).</param>
/// <param name="Seconds">Wall time of the extra fold fits.</param>
public sealed record OutOfScopeCalibration(
    string Label,
    int Folds,
    int OutOfScopeRows,
    double TargetRecall,
    double MarginStandardErrors,
    double RequiredRecall,
    double Threshold,
    double OutOfFoldRecall,
    double OutOfFoldInScopeAccuracy,
    double Seconds);
