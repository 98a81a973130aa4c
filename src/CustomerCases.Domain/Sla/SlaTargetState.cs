using CustomerCases.Domain.Cases;

namespace CustomerCases.Domain.Sla;

/// <summary>A span during which a target's clock did not run.</summary>
public sealed record SlaPause(DateTimeOffset Start, DateTimeOffset? End, CaseStatus Status, TimeSpan BusinessTime);

/// <summary>A warning threshold (or the breach, at 1) and the instant it is reached.</summary>
public sealed record SlaWarning(double Fraction, DateTimeOffset At);

/// <summary>One target of a case as of <c>now</c>: computed, never edited (see <see cref="SlaTargetCalculator"/>).</summary>
public sealed record SlaTargetState(
    SlaMetric Metric,
    int Cycle,
    SlaStage Stage,
    DateTimeOffset StartAt,
    DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt,
    TimeSpan TargetBusinessTime,
    TimeSpan PausedBusinessTime,
    TimeSpan PausedWallTime,
    TimeSpan BusinessElapsed,
    TimeSpan WallElapsed,
    DateTimeOffset? CompletedAt,
    bool Breached,
    IReadOnlyList<SlaWarning> Warnings,
    IReadOnlyList<SlaPause> Pauses,
    Lazy<IReadOnlyList<string>> ExplanationOnDemand)
{
    /// <summary>
    /// The plain-language account of the due time. Built on first read: every case change recomputes the targets, but
    /// only the case's SLA view reads the text (building it was a sixth of the recomputation's cost at intake).
    /// </summary>
    public IReadOnlyList<string> Explanation => ExplanationOnDemand.Value;

    /// <summary>The fraction of the target that stands for its breach among the alarm thresholds.</summary>
    public const double BreachFraction = 1.0;

    /// <summary>
    /// The next warning or breach still to fire once thresholds up to <paramref name="firedFraction"/> have fired
    /// (they fire in ascending order, each once): the lowest threshold above it, among the warnings — none once the
    /// target is past due (e.g. re-targeted by an escalation) — and the breach. None while the target is not running
    /// (paused, completed, cancelled) or when everything has fired.
    /// </summary>
    public SlaWarning? NextAlarm(double firedFraction) =>
        Stage != SlaStage.InProgress ? null
        : (Breached ? [] : Warnings).Append(new SlaWarning(BreachFraction, DueAt))
            .Where(t => t.Fraction > firedFraction)
            .MinBy(t => t.Fraction);

    /// <summary>Open time left before the breach (negative once breached).</summary>
    public TimeSpan BusinessRemaining => TargetBusinessTime - BusinessElapsed;

    public bool IsOpen => Stage is SlaStage.InProgress or SlaStage.Paused;
}
