using System.IO.Compression;
using CustomerCases.Api.Features.Elsa.Definitions;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// POST /elsa/api/bulk-actions/export/workflow-definitions <c>{ids}</c> (version ids, as Studio's list sends them) —
/// <c>workflow-definitions.zip</c> holding one export file per version, the same content the single export downloads
/// (<c>{definitionId}.json</c>; <c>{definitionId}-v{version}.json</c> when several versions of one definition are
/// selected), so each file imports back as it is. An unknown id is a 404 naming it (nothing half-exported).
/// <c>includeConsumingWorkflows</c> is accepted and has nothing to add: no workflow is used as an activity here.
/// </summary>
internal static class BulkExport
{
    internal sealed record Request(IReadOnlyList<string?>? Ids, bool IncludeConsumingWorkflows = false);

    public static async Task<IResult> HandleAsync(Request request, CustomerCasesDbContext db, CancellationToken ct)
    {
        if (BulkIds.Check(request.Ids, "ids", out var ids) is { } problem)
        {
            return problem;
        }

        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var missing = ids.Except(versions.Select(v => v.Id), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return Results.Problem(statusCode: 404, title: "Workflow definition version not found",
                detail: "No workflow definition version has the id " + string.Join(", ", missing.Select(m => $"'{m}'")) + "; nothing was exported.",
                extensions: new Dictionary<string, object?> { ["ids"] = missing });
        }

        var several = versions.GroupBy(v => v.DefinitionId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var version in versions.OrderBy(v => v.DefinitionId, StringComparer.Ordinal).ThenBy(v => v.Version))
            {
                var name = ExportDefinition.FileName(version.DefinitionId, several.Contains(version.DefinitionId) ? $"-v{version.Version}" : "");
                await using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                await entry.WriteAsync(ExportDefinition.Document(version.Json), ct);
            }
        }

        return Results.File(zip.ToArray(), "application/zip", "workflow-definitions.zip");
    }
}
