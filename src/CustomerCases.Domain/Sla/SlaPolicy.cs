using CustomerCases.Domain.Cases;

namespace CustomerCases.Domain.Sla;

/// <summary>
/// An SLA policy: policies are tried in <see cref="Order"/> and the first whose <see cref="Condition"/> (JavaScript over
/// the case) holds applies. Targets are per metric in business time of <see cref="CalendarId"/>; the clock pauses while
/// the case is in one of <see cref="PauseStatuses"/>; warnings fire at the fractions in <see cref="WarnAt"/>.
/// </summary>
public sealed record SlaPolicy(
    string Id,
    int Version,
    int Order,
    string Condition,
    string CalendarId,
    IReadOnlyDictionary<SlaMetric, SlaDuration> Targets,
    IReadOnlyList<double> WarnAt,
    IReadOnlySet<CaseStatus> PauseStatuses,
    string? Description = null)
{
    public static readonly IReadOnlySet<CaseStatus> DefaultPauseStatuses = new HashSet<CaseStatus> { CaseStatus.PendingCustomer, CaseStatus.OnHold };
}
