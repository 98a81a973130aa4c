using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Persistence.Workflows;

/// <summary>
/// The JSON of a <see cref="WorkflowJournalBatchRecord"/>: an array of entries in execution order, each
/// <c>{"seq", "aiid", "aid", "type", "node"?, "event", "at", "msg"?, "payload"?}</c> (short keys: a run's journal is
/// written on every commit). Timestamps are ISO 8601; rows carried over from the old one-row-per-entry table may hold
/// UTC ticks (SQLite), which <see cref="Decode"/> reads too.
/// </summary>
public static class JournalBatchCodec
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every commit encodes a journal: the buffer and writer are kept per thread (nothing here awaits), so only the
    // resulting string is allocated.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static string Encode(IReadOnlyList<JournalEntry> entries)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        try
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", entry.Sequence);
                writer.WriteString("aiid", entry.ActivityInstanceId);
                writer.WriteString("aid", entry.ActivityId);
                writer.WriteString("type", entry.ActivityType);
                if (entry.ActivityNodeId is not null) writer.WriteString("node", entry.ActivityNodeId);
                writer.WriteString("event", entry.EventName);
                writer.WriteString("at", entry.Timestamp);
                if (entry.Message is not null) writer.WriteString("msg", entry.Message);
                if (entry.HasPayload)
                {
                    writer.WritePropertyName("payload");
                    entry.WritePayloadTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > 1 << 20)
            {
                t_buffer = null; // an unusually long run: do not keep its megabytes on the thread
                t_writer = null;
            }
        }
    }

    /// <summary>The batch's entries; each gets the id <c>{batch id}-{position}</c>, stable for Elsa's API.</summary>
    public static IEnumerable<StoredJournalEntry> Decode(WorkflowJournalBatchRecord batch)
    {
        if (JsonNode.Parse(batch.EntriesJson) is not JsonArray entries)
        {
            yield break;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject e)
            {
                continue;
            }

            yield return new StoredJournalEntry(
                string.Create(CultureInfo.InvariantCulture, $"{batch.Id}-{i}"),
                batch.InstanceId,
                e["seq"]!.GetValue<long>(),
                (string?)e["aiid"] ?? "",
                (string?)e["aid"] ?? "",
                (string?)e["type"] ?? "",
                (string?)e["node"],
                (string?)e["event"] ?? "",
                (string?)e["msg"],
                e["payload"] is JsonObject payload ? (JsonObject)payload.DeepClone() : null,
                ReadTimestamp(e["at"]!));
        }
    }

    private static DateTimeOffset ReadTimestamp(JsonNode at) => at.GetValueKind() == JsonValueKind.Number
        ? new DateTimeOffset(at.GetValue<long>(), TimeSpan.Zero) // UTC ticks, as SQLite rows carried over by the migration hold them
        : DateTimeOffset.Parse(at.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>One journal event as read back (Elsa's WorkflowExecutionLogRecord).</summary>
public sealed record StoredJournalEntry(
    string Id,
    string InstanceId,
    long Sequence,
    string ActivityInstanceId,
    string ActivityId,
    string ActivityType,
    string? ActivityNodeId,
    string EventName,
    string? Message,
    JsonObject? Payload,
    DateTimeOffset Timestamp);
