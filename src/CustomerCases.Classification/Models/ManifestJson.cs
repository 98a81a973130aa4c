using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCases.Classification.Models;

/// <summary>One JSON setting for manifests and reports: enums as names, NaN allowed (skipped candidates have no score).</summary>
public static class ManifestJson
{
    /// <summary>Serializer options used for every manifest and report.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
