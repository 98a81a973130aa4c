namespace CustomerCases.Classification;

/// <summary>
/// Two probability thresholds for one label set, as in Salesforce's "Select Best Value" below "Automate Value":
/// probability ≥ <see cref="AutoApply"/> → auto-apply, ≥ <see cref="Suggest"/> → suggest, otherwise a human decides.
/// </summary>
public sealed record DecisionThresholds
{
    /// <summary>Conservative defaults used when neither the options nor the model manifest give thresholds.</summary>
    public static DecisionThresholds Default { get; } = new() { AutoApply = 0.9, Suggest = 0.5 };

    /// <summary>Minimum calibrated probability to apply the label automatically.</summary>
    public double AutoApply { get; init; } = 0.9;

    /// <summary>Minimum calibrated probability to suggest the label; must not exceed <see cref="AutoApply"/>.</summary>
    public double Suggest { get; init; } = 0.5;

    /// <summary>Maps a calibrated probability to a decision.</summary>
    public TriageDecision Decide(double probability)
    {
        Validate();
        if (probability >= AutoApply)
        {
            return TriageDecision.AutoApply;
        }
        return probability >= Suggest ? TriageDecision.Suggest : TriageDecision.NeedsHuman;
    }

    /// <summary>Throws when the thresholds are outside [0, 1] or auto-apply is below suggest.</summary>
    public void Validate()
    {
        if (Suggest is < 0 or > 1 || AutoApply is < 0 or > 1 || double.IsNaN(Suggest) || double.IsNaN(AutoApply))
        {
            throw new ArgumentOutOfRangeException(nameof(AutoApply), $"thresholds must be in [0, 1] (auto-apply {AutoApply}, suggest {Suggest})");
        }
        if (AutoApply < Suggest)
        {
            throw new ArgumentException($"auto-apply threshold {AutoApply} must be ≥ suggest threshold {Suggest}");
        }
    }
}
