using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// DELETE /elsa/api/workflow-definition-versions/{versionId} — one version. Refused (409) for the published version
/// (retract it first) and while running instances are pinned to it. Deleting the latest makes the highest remaining
/// version the latest.
/// </summary>
internal static class DeleteDefinitionVersion
{
    public static async Task<IResult> HandleAsync(string versionId, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var version = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Id == versionId, c);
            if (version is null)
            {
                return Results.Problem(statusCode: 404, title: "Workflow definition version not found", detail: $"No workflow definition version has the id '{versionId}'.");
            }

            if (version.IsPublished)
            {
                return ApiProblems.Conflict("version_published", "Version is published", $"Version {version.Version} of '{version.DefinitionId}' is published: retract it first.");
            }

            if (await db.WorkflowInstances.AnyAsync(i => i.DefinitionVersionId == versionId && i.Status == nameof(WorkflowStatus.Running), c))
            {
                return ApiProblems.Conflict("instances_running", "Instances still running", $"Instances pinned to version {version.Version} of '{version.DefinitionId}' are still running.");
            }

            db.WorkflowDefinitions.Remove(version);
            if (version.IsLatest)
            {
                var previous = await db.WorkflowDefinitions.Where(d => d.DefinitionId == version.DefinitionId && d.Id != versionId)
                    .OrderByDescending(d => d.Version).FirstOrDefaultAsync(c);
                if (previous is not null)
                {
                    previous.IsLatest = true;
                    previous.Json = DefinitionContent.WithFlags(previous.Json, true, previous.IsPublished);
                }
            }

            return Results.NoContent();
        }, ct);
    }
}
