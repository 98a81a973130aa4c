namespace CustomerCases.Api.Sla;

/// <summary>A target's alarm to wake: the target row's id and the instant its next warning or breach is due.</summary>
internal readonly record struct SlaAlarm(Guid TargetId, DateTimeOffset At);
