namespace CustomerCases.Workflows.Runtime;

/// <summary>An activity that failed: thrown exception, failing expression, or <c>Elsa.Fault</c>.</summary>
public sealed record ActivityIncident(
    string ActivityId,
    string? ActivityNodeId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    DateTimeOffset Timestamp);
