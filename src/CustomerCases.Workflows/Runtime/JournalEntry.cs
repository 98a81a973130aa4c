using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>One execution-log record (Elsa's <c>WorkflowExecutionLogRecord</c>), in execution order.</summary>
public sealed record JournalEntry(
    string ActivityInstanceId,
    string ActivityId,
    string ActivityType,
    string? ActivityNodeId,
    string EventName,
    DateTimeOffset Timestamp,
    long Sequence,
    string? Message,
    JsonObject? Payload);
