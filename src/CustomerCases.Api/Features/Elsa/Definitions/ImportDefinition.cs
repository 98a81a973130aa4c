using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST|PUT /elsa/api/workflow-definitions/import — the body is the exported JSON file (or a multipart form with the
/// file). As in Elsa, a file exported as published is published on import (validation first); otherwise it is saved
/// as a draft. Identical content to the latest version creates no new version.
/// </summary>
internal static class ImportDefinition
{
    public static async Task<IResult> HandleAsync(HttpRequest http, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        string json;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            if (form.Files.Count == 0)
            {
                return ElsaProblems.BadRequest("file", "the form has no file: send the exported workflow JSON as a file.");
            }

            using var reader = new StreamReader(form.Files[0].OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }
        else
        {
            using var reader = new StreamReader(http.Body);
            json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return ElsaProblems.BadRequest("body", "is empty: send the exported workflow JSON.");
        }

        return await DefinitionSaving.SaveAsync(write, store, json, "import", publish: IsPublished(json), ct);
    }

    private static bool IsPublished(string json)
    {
        try
        {
            return DefinitionContent.Parse(json)["isPublished"] is JsonValue v && v.TryGetValue<bool>(out var published) && published;
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // the save reports the bad JSON
        }
    }
}
