using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Conversions between workflow values (<see cref="JsonNode"/>) and the shapes activities need.</summary>
internal static class JsonValues
{
    public static JsonNode? FromElement(JsonElement? element) =>
        element is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } e ? JsonNode.Parse(e.GetRawText()) : null;

    public static string? AsString(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };

    public static bool AsBoolean(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => AsDouble(v) != 0,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s, out var b) ? b : s.Length > 0,
        _ => true,
    };

    public static double? AsDouble(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => NumberOf(v),
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => 1,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => 0,
        _ => null,
    };

    /// <summary>
    /// A number's value as double, the same as parsing its JSON text: integers convert exactly or with the same correct
    /// rounding, JSON-backed values parse their own text; anything else (decimal, float, ...) goes through the text.
    /// </summary>
    private static double NumberOf(JsonValue v)
    {
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<double>(out var d) && double.IsFinite(d)) return d;
        return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
    }

    public static int? AsInt32(JsonNode? value) => AsDouble(value) is { } d ? (int)Math.Round(d) : null;

    /// <summary>A duration: <c>"00:01:00"</c>, <c>"1.02:00:00"</c>, ISO 8601 <c>"PT1H"</c>, or a number of milliseconds.</summary>
    public static TimeSpan? AsTimeSpan(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return TimeSpan.FromMilliseconds(AsDouble(v) ?? 0);
        var text = AsString(value)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
        try
        {
            return text.StartsWith('P') ? System.Xml.XmlConvert.ToTimeSpan(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static DateTimeOffset? AsDateTime(JsonNode? value) =>
        DateTimeOffset.TryParse(AsString(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>Reads JSON carried as a string (Elsa's Object inputs), falling back to the string itself.</summary>
    public static JsonNode? ParseEmbedded(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return JsonValue.Create(text);
        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>Strings of an array value; a string holding a JSON array or a comma-separated list is accepted too.</summary>
    public static IReadOnlyList<string> AsStringList(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            var parsed = ParseEmbedded(s);
            if (parsed is JsonArray) value = parsed;
            else return s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return value is JsonArray array ? array.Select(AsString).OfType<string>().ToArray() : [];
    }

    /// <summary>Coerces a value to the shape of a declared type (e.g. a variable's <c>Int32</c>).</summary>
    public static JsonNode? Coerce(JsonNode? value, ValueKind kind)
    {
        if (value is null) return null;
        switch (kind)
        {
            case ValueKind.String:
                return JsonValue.Create(AsString(value));
            case ValueKind.Integer:
                return AsDouble(value) is { } i ? JsonValue.Create((long)Math.Round(i)) : value.DeepClone();
            case ValueKind.Number:
                return AsDouble(value) is { } d ? JsonValue.Create(d) : value.DeepClone();
            case ValueKind.Boolean:
                return JsonValue.Create(AsBoolean(value));
            case ValueKind.Object or ValueKind.Array or ValueKind.Any when value is JsonValue jv && jv.TryGetValue<string>(out var text):
                var parsed = ParseEmbedded(text);
                return kind == ValueKind.Any || (kind == ValueKind.Object && parsed is JsonObject) || (kind == ValueKind.Array && parsed is JsonArray)
                    ? (kind == ValueKind.Any && parsed is JsonValue ? value.DeepClone() : parsed)
                    : value.DeepClone();
            default:
                return value.DeepClone();
        }
    }
}
