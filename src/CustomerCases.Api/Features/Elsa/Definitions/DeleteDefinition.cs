using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// DELETE /elsa/api/workflow-definitions/{definitionId} — every version and its triggers. Refused (409) while an
/// instance of it is still running: running instances are pinned to their version and could never continue without
/// it; cancel or delete them first. Finished instances are kept (their state and journal stay readable).
/// </summary>
internal static class DeleteDefinition
{
    public static async Task<IResult> HandleAsync(string definitionId, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(c);
            if (versions.Count == 0)
            {
                return ElsaProblems.DefinitionNotFound(definitionId);
            }

            var running = await db.WorkflowInstances.CountAsync(i => i.DefinitionId == definitionId && i.Status == nameof(WorkflowStatus.Running), c);
            if (running > 0)
            {
                return ApiProblems.Conflict("instances_running", "Instances still running",
                    $"{running} instance(s) of '{definitionId}' are still running on its versions. Cancel or delete them first.");
            }

            await db.WorkflowTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(c);
            db.WorkflowDefinitions.RemoveRange(versions);
            return Results.NoContent();
        }, ct);
    }
}
