using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST|PUT /elsa/api/workflow-definitions/import (and .../{definitionId}/import, which imports into that definition)
/// — the body is the exported JSON file, or a multipart form with the file. The version is published when the file
/// asks for it (<c>publish: true</c> as in Elsa's import request, or <c>isPublished: true</c> as an export of a
/// published version carries; validation first), else saved as a draft. Content identical to the latest version
/// creates no new version.
/// </summary>
internal static class ImportDefinition
{
    public static async Task<IResult> HandleAsync(HttpRequest http, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct,
        string? definitionId = null)
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

        JsonObject document;
        try
        {
            document = DefinitionContent.Parse(json);
        }
        catch (JsonException e)
        {
            return ElsaProblems.Unreadable($"The body is not a JSON object: {e.Message}");
        }

        var publish = IsTrue(document["publish"]) || IsTrue(document["isPublished"]);
        document.Remove("publish"); // a request flag, not part of the definition
        document.Remove("links");   // an answer's links, not part of the definition
        if (!string.IsNullOrWhiteSpace(definitionId))
        {
            document["definitionId"] = definitionId;
        }

        return await DefinitionSaving.SaveAsync(write, store, document.ToJsonString(), "import", publish, ct);
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var value) && value;
}
