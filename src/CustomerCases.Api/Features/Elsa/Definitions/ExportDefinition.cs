using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// GET /elsa/api/workflow-definitions/{definitionId}/export?versionOptions= (default Latest) — the stored JSON with
/// Elsa's <c>$schema</c> header as a download named <c>{definitionId}.json</c>, like the files in workflows/.
/// </summary>
internal static class ExportDefinition
{
    private const string Schema = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<IResult> HandleAsync(string definitionId, CustomerCasesDbContext db, CancellationToken ct, string? versionOptions = null)
    {
        var options = VersionOptions.Parse(versionOptions, "Latest");
        if (options is null)
        {
            return ElsaProblems.BadRequest("versionOptions", $"'{versionOptions}' is not one of {VersionOptions.Accepted}.");
        }

        var record = await options.NewestAsync(db, definitionId, ct);
        if (record is null)
        {
            return ElsaProblems.DefinitionNotFound(definitionId, options.Text);
        }

        return Results.File(Document(record.Json), "application/json", FileName(definitionId));
    }

    /// <summary>The export file's content: the stored JSON with <c>$schema</c> first, indented like the files in workflows/.</summary>
    public static byte[] Document(string storedJson)
    {
        var stored = JsonNode.Parse(storedJson)!.AsObject();
        var export = new JsonObject { ["$schema"] = Schema };
        foreach (var (key, value) in stored.Where(p => p.Key != "$schema").ToList())
        {
            export[key] = value?.DeepClone();
        }

        return Encoding.UTF8.GetBytes(export.ToJsonString(Indented));
    }

    /// <summary><c>{definitionId}.json</c> with anything unsafe in a file name replaced by '-'.</summary>
    public static string FileName(string definitionId, string suffix = "") =>
        string.Concat(definitionId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + suffix + ".json";
}
