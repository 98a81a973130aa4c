using System.Text.Json;
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

    /// <summary>True when the entry has a payload; unlike <see cref="Payload"/>, asking does not build it.</summary>
    public bool HasPayload => _payload is not null;

    /// <summary>
    /// Writes the payload as a JSON object (null when there is none) straight from the values the activity gave, so
    /// the host's commit serialises a run's journal without building a JsonObject per entry.
    /// </summary>
    public void WritePayloadTo(Utf8JsonWriter writer)
    {
        switch (_payload)
        {
            case JournalPayload source:
                source.WriteTo(writer);
                break;
            case JsonObject built:
                built.WriteTo(writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Extra data (outcomes, a WriteLine's text, bookmarks, ...), or null when there is none.</summary>
    public JsonObject? Payload
    {
        get => _payload is JournalPayload source ? (JsonObject)(_payload = source.Build()) : (JsonObject?)_payload;
        init => _payload = value is { Count: > 0 } ? value : null;
    }
}
