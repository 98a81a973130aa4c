using CustomerCases.Api.Features.Elsa.Shared;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// DELETE /elsa/api/workflow-instances/{id} — the instance with its bookmarks, timers, journal and queued stimuli, in
/// one transaction. A running instance may be deleted (as in Elsa); a resume racing with the delete loses (409).
/// </summary>
internal static class DeleteInstance
{
    public static async Task<IResult> HandleAsync(string id, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        var db = write.Db;
        return await write.RunAsync<IResult>(async c =>
        {
            var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == id, c);
            if (instance is null)
            {
                return ElsaProblems.InstanceNotFound(id);
            }

            await db.Bookmarks.Where(b => b.InstanceId == id).ExecuteDeleteAsync(c);
            await db.WorkflowTimers.Where(t => t.InstanceId == id).ExecuteDeleteAsync(c);
            await db.WorkflowJournalBatches.Where(j => j.InstanceId == id).ExecuteDeleteAsync(c);
            await db.StimulusQueue.Where(q => q.InstanceId == id).ExecuteDeleteAsync(c);
            db.WorkflowInstances.Remove(instance);
            return Results.NoContent();
        }, ct);
    }
}
