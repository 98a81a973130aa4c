using System.Security.Claims;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>POST /api/tasks/{id}/release — the holder (or a manager) gives a task back; it re-enters its queue and is routed again.</summary>
internal static class ReleaseTask
{
    public static Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, TaskWork work, CancellationToken ct) =>
        work.RunAsync(id, user, (task, caller, now) =>
        {
            task.Release(caller.ActingAgentId, now);
            return Task.FromResult(new TaskWork.ActionResult(Results.Ok(TaskResponse.From(task))));
        }, ct);
}
