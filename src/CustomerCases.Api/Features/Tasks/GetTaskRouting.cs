using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// GET /api/tasks/{id}/routing — every stored decision (who got it, who else was considered and why not), and for a
/// task still waiting, what routing would decide right now.
/// </summary>
internal static class GetTaskRouting
{
    internal sealed record Response(Guid TaskId, HumanTaskStatus Status, Guid? AssigneeId, IReadOnlyList<RoutingDecision> Decisions, RoutingDecision? Now);

    public static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, CustomerCasesDbContext db, TaskRouting routing, CancellationToken ct)
    {
        var caller = await TaskCaller.ResolveAsync(user, db, ct);
        var task = await db.HumanTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !caller.CanSee(task))
        {
            return ApiProblems.NotFound("Task", id);
        }

        var records = await db.TaskRoutingDecisions.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var now = task.Status == HumanTaskStatus.Queued ? await routing.PreviewAsync(task, ct) : null;
        return Results.Ok(new Response(task.Id, task.Status, task.AssigneeId, records.Select(r => r.ToDecision()).ToList(), now));
    }
}
