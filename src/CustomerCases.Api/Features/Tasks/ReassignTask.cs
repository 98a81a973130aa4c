using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work.Routing;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Work;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>POST /api/tasks/{id}/reassign <c>{agent}</c> (id or name) — a manager gives an open task to an agent, from whoever held it.</summary>
internal static class ReassignTask
{
    internal sealed record Request(string? Agent, string? Reason);

    public static Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, TaskWork work, CustomerCasesDbContext db, CancellationToken ct)
    {
        var v = new Validation().Require("agent", request.Agent, 200).MaxLength("reason", request.Reason, 500);
        if (!v.IsValid)
        {
            return Task.FromResult(v.Problem());
        }

        return work.RunAsync(id, user, async (task, caller, now) =>
        {
            var wanted = request.Agent!.Trim();
            var target = Guid.TryParse(wanted, out var agentId)
                ? await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct)
                : await db.Agents.SingleOrDefaultAsync(a => a.Name == wanted, ct);
            if (target is null)
            {
                return TaskWork.ActionResult.Refuse(new Validation().Add("agent", $"No agent has the id or name '{wanted}'.").Problem());
            }

            var previous = task.AssigneeId;
            task.Assign(target.Id, now);
            target.RecordAssignment(now);
            var why = $"reassigned by {caller.Actor.Name ?? caller.Actor.Id}{(previous is null ? "" : $" from agent {previous}")}" +
                (string.IsNullOrWhiteSpace(request.Reason) ? "" : $": {request.Reason.Trim()}");
            db.TaskRoutingDecisions.Add(TaskRoutingRecord.From(task.Id, new RoutingDecision("Manual", target.Id, $"{target.Name} {why}.", false,
                [new CandidateVerdict(target.Id, target.Name, true, true, why)], now)));
            return new TaskWork.ActionResult(Results.Ok(TaskResponse.From(task)));
        }, ct);
    }
}
