using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// The bookmark/trigger hash: upper-case SHA-256 hex of <c>name|canonical-json(payload)|activityInstanceId</c>, joining
/// only the non-empty parts (as Elsa's Hasher). Canonical JSON sorts properties ordinally at every level and omits nulls,
/// so a stimulus built by another process with properties in another order hashes the same.
/// </summary>
public static class BookmarkHasher
{
    /// <summary>Computes the hash of a stimulus or bookmark.</summary>
    public static string Compute(string name, JsonNode? payload, string? activityInstanceId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var canonical = Canonicalize(payload);
        var parts = new[] { name, canonical, activityInstanceId }.Where(p => !string.IsNullOrWhiteSpace(p));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return Convert.ToHexString(bytes);
    }

    /// <summary>Canonical JSON of a payload; empty for null or an object without non-null members.</summary>
    public static string Canonicalize(JsonNode? payload)
    {
        var normalized = Normalize(payload);
        if (normalized is null || normalized is JsonObject { Count: 0 }) return "";
        return normalized.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        _ => node.DeepClone(),
    };
}
