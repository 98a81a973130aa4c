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
    string? Message)
{
    // The unbuilt JournalPayload until first read, then the JsonObject (one field: there are many entries per run).
    private object? _payload;

    /// <summary>An entry whose payload is built from <paramref name="source"/> when first read (most are never read in-process).</summary>
    internal JournalEntry(string activityInstanceId, string activityId, string activityType, string? activityNodeId, string eventName,
        DateTimeOffset timestamp, long sequence, string? message, JournalPayload? source)
        : this(activityInstanceId, activityId, activityType, activityNodeId, eventName, timestamp, sequence, message) =>
        _payload = source is { IsEmpty: false } ? source : null;

    /// <summary>Extra data (outcomes, a WriteLine's text, bookmarks, ...), or null when there is none.</summary>
    public JsonObject? Payload
    {
        get => _payload is JournalPayload source ? (JsonObject)(_payload = source.Build()) : (JsonObject?)_payload;
        init => _payload = value is { Count: > 0 } ? value : null;
    }
}
