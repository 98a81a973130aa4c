using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// The data of one journal entry, kept as plain values until someone reads <see cref="JournalEntry.Payload"/>, so a run
/// does not build a JSON object per activity that only the host's commit serialises.
/// </summary>
internal sealed class JournalPayload
{
    // Activities add one value at most; it is kept inline, any further ones in a list.
    private string? _firstKey;
    private object? _firstValue;
    private List<KeyValuePair<string, object?>>? _more;
    private IReadOnlyList<string>? _outcomes;
    private JsonObject? _json;

    /// <summary>True when building would give an empty object (the entry then has no payload).</summary>
    public bool IsEmpty => _firstKey is null && _outcomes is null && _json is not { Count: > 0 };

    /// <summary>Sets a value (a string or a number); a later value for the same key replaces it in place.</summary>
    public void Set(string key, object? value)
    {
        if (_firstKey is null || _firstKey == key)
        {
            _firstKey = key;
            _firstValue = value;
            return;
        }

        _more ??= [];
        for (var i = 0; i < _more.Count; i++)
        {
            if (_more[i].Key != key) continue;
            _more[i] = new(key, value);
            return;
        }

        _more.Add(new(key, value));
    }

    /// <summary>Adds <c>outcomes</c> after the other values.</summary>
    public JournalPayload WithOutcomes(IReadOnlyList<string> outcomes)
    {
        _outcomes = outcomes;
        return this;
    }

    /// <summary>
    /// <c>{"outcomes":["Done"]}</c>, shared by every entry of an activity that added no data and took the usual port
    /// (nothing mutates it: activities only write to their own payload).
    /// </summary>
    public static JournalPayload DoneOnly { get; } = new JournalPayload().WithOutcomes([Activities.ActivityResult.DoneOutcome]);

    /// <summary>A payload that is already JSON (e.g. the bookmarks of a suspension).</summary>
    public static JournalPayload Of(JsonObject json) => new() { _json = json };

    public JsonObject Build()
    {
        if (_json is not null) return _json;
        var payload = new JsonObject();
        if (_firstKey is not null) payload[_firstKey] = ToNode(_firstValue);
        foreach (var (key, value) in _more ?? [])
        {
            payload[key] = ToNode(value);
        }

        if (_outcomes is not null)
            payload["outcomes"] = new JsonArray(_outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        return payload;
    }

    /// <summary>Writes what <see cref="Build"/> would give, without building it.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_json is not null)
        {
            _json.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        if (_firstKey is not null) WriteValue(writer, _firstKey, _firstValue);
        foreach (var (key, value) in _more ?? [])
        {
            WriteValue(writer, key, value);
        }

        if (_outcomes is not null)
        {
            writer.WriteStartArray("outcomes");
            foreach (var outcome in _outcomes)
            {
                writer.WriteStringValue(outcome);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        writer.WritePropertyName(key);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        JsonNode node => node,
        _ => JsonValue.Create(value.ToString()),
    };
}
