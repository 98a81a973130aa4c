namespace CustomerCases.Classification.Training;

/// <summary>
/// "Not sure → a human" for data with an out-of-scope label (e.g. CLINC150's <c>oos</c>): a request counts as out of
/// scope when the model predicts <see cref="Label"/> or its top probability is below a threshold. Training chooses the
/// threshold on out-of-fold predictions of the final configuration over all rows, so every out-of-scope row is scored
/// by a model that did not train on it (README, "Accuracy goals of issue 6").
/// </summary>
public sealed record OutOfScopeOptions
{
    /// <summary>The label that means "none of the others"; label sets without it get no out-of-scope threshold.</summary>
    public required string Label { get; init; }

    /// <summary>Share of out-of-scope requests that must reach a human.</summary>
    public double TargetRecall { get; init; } = 0.7;

    /// <summary>
    /// Folds of the out-of-fold scoring. Fold 0 is the selection's validation split (its fits are reused), the training
    /// part is dealt into the other folds, stratified and seeded. 5 with the default 20 % validation share: every fold is
    /// a 20 % share and every fold model trains on 80 % of the rows, like the selection fits.
    /// </summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Safety margin in standard errors of the out-of-fold recall: the threshold must reach
    /// target + margin × √(target (1 − target) / out-of-scope rows). Fixed before any evaluation (README): the estimate
    /// has sampling error, and fold models (80 % of the rows) are less confident than the refit on all rows, which then
    /// catches fewer out-of-scope requests at the same threshold. 0 = the plain "lowest threshold reaching the target".
    /// </summary>
    public double MarginStandardErrors { get; init; } = 1.0;

    /// <summary>Throws when a value cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Label))
        {
            throw new ArgumentException("the out-of-scope label must not be empty");
        }
        if (TargetRecall is <= 0 or > 1 || double.IsNaN(TargetRecall))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetRecall), TargetRecall, "target recall must be in (0, 1]");
        }
        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "at least 2 folds are needed");
        }
        if (MarginStandardErrors < 0 || double.IsNaN(MarginStandardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(MarginStandardErrors), MarginStandardErrors, "the margin must be ≥ 0");
        }
    }
}
