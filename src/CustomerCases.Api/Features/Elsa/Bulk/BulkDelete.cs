using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// Studio's bulk deletes, with the single deletes' rules applied to the whole selection — all or nothing, so a
/// designer never ends up with half a selection deleted and a 409 to puzzle over:
/// POST /elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id <c>{definitionIds}</c> — every version and
/// trigger of each; 409 (nothing deleted) while any of them has running instances. Answers Elsa's <c>{deleted}</c>
/// (definitions deleted) plus <c>notFound</c>.
/// POST .../by-id <c>{ids}</c> — single versions; 409 (nothing deleted) for a published version or one running
/// instances are pinned to. Deleting a latest version makes the highest remaining one the latest.
/// </summary>
internal static class BulkDelete
{
    internal sealed record DefinitionsRequest(IReadOnlyList<string?>? DefinitionIds);

    internal sealed record VersionsRequest(IReadOnlyList<string?>? Ids);

    internal sealed record Response(int Deleted, IReadOnlyList<string> NotFound);

    public static async Task<IResult> DefinitionsAsync(DefinitionsRequest request, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        if (BulkIds.Check(request.DefinitionIds, "definitionIds", out var ids) is { } problem)
        {
            return problem;
        }

        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var versions = await db.WorkflowDefinitions.Where(d => ids.Contains(d.DefinitionId)).ToListAsync(c);
            var running = await db.WorkflowInstances.Where(i => ids.Contains(i.DefinitionId) && i.Status == nameof(WorkflowStatus.Running))
                .GroupBy(i => i.DefinitionId).Select(g => new { DefinitionId = g.Key, Count = g.Count() }).ToListAsync(c);
            if (running.Count > 0)
            {
                return Refused("instances_running", "Instances still running",
                    "Nothing was deleted: instances of " + string.Join(", ", running.Select(r => $"'{r.DefinitionId}' ({r.Count})")) +
                    " are still running on their versions. Cancel or delete them first.",
                    running.Select(r => r.DefinitionId));
            }

            var found = versions.Select(v => v.DefinitionId).ToHashSet(StringComparer.Ordinal);
            await db.WorkflowTriggers.Where(t => ids.Contains(t.DefinitionId)).ExecuteDeleteAsync(c);
            db.WorkflowDefinitions.RemoveRange(versions);
            return Results.Ok(new Response(found.Count, ids.Where(i => !found.Contains(i)).ToList()));
        }, ct);
    }

    public static async Task<IResult> VersionsAsync(VersionsRequest request, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        if (BulkIds.Check(request.Ids, "ids", out var ids) is { } problem)
        {
            return problem;
        }

        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var doomed = await db.WorkflowDefinitions.Where(d => ids.Contains(d.Id)).ToListAsync(c);
            var published = doomed.Where(v => v.IsPublished).ToList();
            if (published.Count > 0)
            {
                return Refused("version_published", "Version is published",
                    "Nothing was deleted: " + string.Join(", ", published.Select(v => $"version {v.Version} of '{v.DefinitionId}'")) + " is published; retract it first.",
                    published.Select(v => v.Id));
            }

            var pinned = await db.WorkflowInstances.Where(i => ids.Contains(i.DefinitionVersionId) && i.Status == nameof(WorkflowStatus.Running))
                .Select(i => i.DefinitionVersionId).Distinct().ToListAsync(c);
            if (pinned.Count > 0)
            {
                return Refused("instances_running", "Instances still running",
                    "Nothing was deleted: running instances are pinned to " + string.Join(", ", doomed.Where(v => pinned.Contains(v.Id)).Select(v => $"version {v.Version} of '{v.DefinitionId}'")) + ".",
                    pinned);
            }

            db.WorkflowDefinitions.RemoveRange(doomed);
            foreach (var definitionId in doomed.Where(v => v.IsLatest).Select(v => v.DefinitionId).Distinct())
            {
                var next = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && !ids.Contains(d.Id))
                    .OrderByDescending(d => d.Version).FirstOrDefaultAsync(c);
                if (next is not null)
                {
                    next.IsLatest = true;
                    next.Json = DefinitionContent.WithFlags(next.Json, true, next.IsPublished);
                }
            }

            var found = doomed.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            return Results.Ok(new Response(doomed.Count, ids.Where(i => !found.Contains(i)).ToList()));
        }, ct);
    }

    private static IResult Refused(string code, string title, string detail, IEnumerable<string> ids) =>
        Results.Problem(statusCode: 409, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["ids"] = ids.ToList() });
}
