using CustomerCases.Domain.Sla;
using CustomerCases.Persistence.Sla;

namespace CustomerCases.Api.Sla;

/// <summary>What one recomputation of a case's targets produced: the alarms to wake, and each target's state.</summary>
internal sealed class SlaRecomputation
{
    /// <summary>Alarms that are new or moved (to be woken after the commit).</summary>
    public List<SlaAlarm> Alarms { get; } = [];

    /// <summary>The computed state of each target that a policy still sets, by target row id.</summary>
    public Dictionary<Guid, SlaTargetState> States { get; } = [];

    /// <summary>
    /// Points <paramref name="target"/>'s alarm at its next threshold after its <c>FiredFraction</c> was raised (an alarm
    /// just fired), from the states already computed: no second recomputation. Returns the alarm to wake, if any.
    /// </summary>
    public SlaAlarm? Rearm(SlaTargetRecord target) => SlaAlarm.Point(target, States.GetValueOrDefault(target.Id));
}
