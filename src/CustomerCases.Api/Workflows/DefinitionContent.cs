using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Api.Workflows;

/// <summary>The JSON of a definition version: what identifies its content, and how it is stamped with version facts.</summary>
internal static class DefinitionContent
{
    // Facts of a stored version, not of its content: two files that differ only here are the same workflow.
    private static readonly string[] VersionFacts = ["id", "version", "createdAt", "isLatest", "isPublished", "toolVersion", "$schema"];

    public static JsonObject Parse(string json)
    {
        var node = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return node as JsonObject ?? throw new JsonException("a workflow definition must be a JSON object");
    }

    public static string Hash(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        foreach (var fact in VersionFacts)
        {
            copy.Remove(fact);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString())));
    }

    public static string Stamp(JsonObject document, string versionId, string definitionId, int version, bool isLatest, bool isPublished, DateTimeOffset createdAt)
    {
        var copy = (JsonObject)document.DeepClone();
        copy["id"] = versionId;
        copy["definitionId"] = definitionId;
        copy["version"] = version;
        copy["isLatest"] = isLatest;
        copy["isPublished"] = isPublished;
        copy["createdAt"] = createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return copy.ToJsonString();
    }

    public static string WithFlags(string json, bool isLatest, bool isPublished)
    {
        var copy = Parse(json);
        copy["isLatest"] = isLatest;
        copy["isPublished"] = isPublished;
        return copy.ToJsonString();
    }
}
