using CustomerCases.Domain.Sla;
using CustomerCases.Persistence.Sla;

namespace CustomerCases.Api.Sla;

/// <summary>A target's alarm to wake: the target row's id and the instant its next warning or breach is due.</summary>
internal readonly record struct SlaAlarm(Guid TargetId, DateTimeOffset At)
{
    /// <summary>
    /// Points <paramref name="row"/>'s alarm at <paramref name="state"/>'s next instant after what the row has fired
    /// (<see cref="SlaTargetState.NextAlarm"/>; no state: the target is no longer set by any policy, so no alarm).
    /// Returns the alarm to wake when it is new or moved.
    /// </summary>
    public static SlaAlarm? Point(SlaTargetRecord row, SlaTargetState? state)
    {
        var next = state?.NextAlarm(row.FiredFraction);
        if (row.AlarmAt == next?.At && row.AlarmFraction == next?.Fraction)
        {
            return null;
        }

        row.AlarmAt = next?.At;
        row.AlarmFraction = next?.Fraction;
        return next is { } n ? new SlaAlarm(row.Id, n.At) : null;
    }
}
