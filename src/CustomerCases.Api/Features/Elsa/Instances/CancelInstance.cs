using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// POST /elsa/api/cancel/workflow-instances/{id} (Elsa's route) and POST /elsa/api/workflow-instances/{id}/cancel —
/// burns every bookmark (and its timers) and ends the instance Finished/Cancelled; 409 when it already finished.
/// </summary>
internal static class CancelInstance
{
    public static async Task<IResult> HandleAsync(string id, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, c);
            if (instance is null)
            {
                return ElsaProblems.InstanceNotFound(id);
            }

            var run = await write.Runtime.CancelAsync(id, c);
            return run is null
                ? ApiProblems.Conflict("instance_finished", "Instance already finished", $"Workflow instance '{id}' finished ({instance.SubStatus}); there is nothing to cancel.")
                : Results.Json(WorkflowStateView.Instance(run.Instance));
        }, ct);
    }
}
