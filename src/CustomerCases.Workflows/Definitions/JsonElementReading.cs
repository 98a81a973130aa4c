using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>Tolerant readers for Studio JSON, where the same field can be a string, a number or absent.</summary>
internal static class JsonElementReading
{
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            }
            : null;

    public static bool? Flag(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        };
    }

    public static int Int(this JsonElement element, string name, int fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)
            ? i
            : fallback;

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null ? v : null;

    /// <summary>Items of an array, also when wrapped as <c>{"$values": [...]}</c> by reference-preserving serializers.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement? element)
    {
        if (element is not { } e) return [];
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$values", out var values)) e = values;
        return e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToArray() : [];
    }
}
