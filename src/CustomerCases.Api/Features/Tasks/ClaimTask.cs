using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Work;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>POST /api/tasks/{id}/claim — the calling agent takes a task; 409 task_taken when someone else holds it.</summary>
internal static class ClaimTask
{
    public static Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, TaskWork work, CustomerCasesDbContext db, CancellationToken ct) =>
        work.RunAsync(id, user, async (task, caller, now) =>
        {
            if (caller.Agent is not { } agent)
            {
                return TaskWork.ActionResult.Refuse(ApiProblems.Forbidden("Only agents claim tasks; managers reassign them."));
            }

            if (task.AssigneeId == agent.Id && task.Status == HumanTaskStatus.Assigned)
            {
                return new TaskWork.ActionResult(Results.Ok(TaskResponse.From(task)), Commit: false);
            }

            await RoutingLock.AcquireAsync(db, ct);
            var open = await db.HumanTasks.CountAsync(t => t.Status == HumanTaskStatus.Assigned && t.AssigneeId == agent.Id, ct);
            if (task.Status == HumanTaskStatus.Queued && open >= agent.Capacity)
            {
                return TaskWork.ActionResult.Refuse(ApiProblems.Conflict("at_capacity", "At capacity",
                    $"You hold {open} open task(s), your capacity is {agent.Capacity}. Complete or release one first."));
            }

            task.Claim(agent.Id, now);
            agent.RecordAssignment(now);
            db.TaskRoutingDecisions.Add(TaskRoutingRecord.From(task.Id, new RoutingDecision("Claim", agent.Id, $"{agent.Name} claimed it.", false,
                [new CandidateVerdict(agent.Id, agent.Name, true, true, "claimed it")], now)));
            return new TaskWork.ActionResult(Results.Ok(TaskResponse.From(task)));
        }, ct);
}
