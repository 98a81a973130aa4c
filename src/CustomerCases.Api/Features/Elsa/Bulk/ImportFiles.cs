using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// POST /elsa/api/workflow-definitions/import-files — Studio's multi-file import: a multipart form whose files are
/// exported workflow JSON files or zips of them (as bulk export makes; told apart by content, not by name). Each
/// definition is saved as a draft, as Elsa's import-files does (publish them from the list, where publishing
/// validates); content identical to the latest version creates no new version, so importing the same files twice
/// changes nothing. All or nothing: one unreadable file is a 400 naming it, and nothing is imported.
/// Answers Elsa's <c>{count}</c> plus the <c>definitionIds</c> imported.
/// </summary>
internal static class ImportFiles
{
    public static async Task<IResult> HandleAsync(HttpRequest http, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            return ElsaProblems.BadRequest("files", "send a multipart form with the exported workflow files (JSON or zip).");
        }

        var form = await http.ReadFormAsync(ct);
        var documents = new List<(string Name, string Json)>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            try
            {
                documents.AddRange(await ReadAsync(file.FileName, buffer, ct));
            }
            catch (InvalidDataException e)
            {
                return ElsaProblems.Unreadable($"{file.FileName} looks like a zip but cannot be read, so nothing was imported: {e.Message}");
            }
        }

        if (documents.Count is 0 or > BulkIds.Max)
        {
            return ElsaProblems.BadRequest("files", documents.Count == 0
                ? "the form has no workflow file: send exported workflow JSON files or zips of them."
                : $"at most {BulkIds.Max} workflow definitions per import.");
        }

        var current = "";
        try
        {
            var imported = await write.RunAsync(async c =>
            {
                var ids = new List<string>();
                foreach (var (name, json) in documents)
                {
                    current = name;
                    var document = DefinitionContent.Parse(json);
                    document.Remove("publish");
                    document.Remove("links");
                    ids.Add((await store.SaveAsync(document.ToJsonString(), "import", publish: false, c)).Record.DefinitionId);
                }

                return ids;
            }, ct);
            return Results.Ok(new { count = imported.Count, definitionIds = imported });
        }
        catch (Exception e) when (e is JsonException or WorkflowDefinitionFormatException)
        {
            return ElsaProblems.Unreadable($"{current} is not an Elsa 3 workflow definition, so nothing was imported: {e.Message}");
        }
    }

    /// <summary>A zip (it starts with "PK") gives its .json entries; anything else is one JSON document.</summary>
    private static async Task<IEnumerable<(string Name, string Json)>> ReadAsync(string fileName, MemoryStream content, CancellationToken ct)
    {
        var bytes = content.ToArray();
        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            return [(fileName, Encoding.UTF8.GetString(bytes))];
        }

        var entries = new List<(string, string)>();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open());
            entries.Add(($"{fileName}/{entry.FullName}", await reader.ReadToEndAsync(ct)));
        }

        return entries;
    }
}
