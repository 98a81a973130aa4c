using System.Security.Claims;
using System.Text.Json.Nodes;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Activities;
using CustomerCases.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/complete <c>{outcome, data}</c> — completes a task and, in the same transaction, resumes its
/// workflow on that outcome (the form data becomes the activity's <c>Data</c> output) and records the work in the
/// case's history. 400 for an outcome the task does not have or data that does not fit its form; 409 when it is
/// already completed; a retry with the same Idempotency-Key gets the first answer.
/// </summary>
internal static class CompleteTask
{
    internal sealed record Request(string? Outcome, JsonObject? Data);

    public static async Task<IResult> HandleAsync(Guid id, Request request, HttpContext http, ClaimsPrincipal user, TaskWork work,
        CustomerCasesDbContext db, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var v = new Validation();
        var key = Idempotency.ReadKey(http.Request, v);
        v.MaxLength("outcome", request.Outcome, 100);
        if (!v.IsValid)
        {
            return v.Problem();
        }

        var idempotency = key is null
            ? null
            : new IdempotencyContext($"tasks.complete:{user.KeyId()}", key, Idempotency.HashOf(new { id, request.Outcome, request.Data }, json.Value.SerializerOptions));
        if (idempotency is not null && await Idempotency.TryReplayAsync(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, ct) is { } replay)
        {
            return replay;
        }

        return await work.RunAsync(id, user, async (task, caller, now) =>
        {
            // Checked again inside the transaction when a parallel request with the same key may have committed since the
            // check above: it completed this task (so it is no longer open), or it made our attempt fail (a concurrency
            // conflict or our record's key taken) and this is the retry. Otherwise a committed record is impossible, and
            // the lookup is not repeated on every completion.
            if (idempotency is not null && (work.Retrying || !task.IsOpen) && await Idempotency.TryReplayAsync(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, ct) is { } late)
            {
                return TaskWork.ActionResult.Refuse(late);
            }

            if (task.IsOpen && task.CheckCompletion(request.Outcome, request.Data) is { Count: > 0 } errors)
            {
                var problems = new Validation();
                foreach (var (field, message) in errors)
                {
                    problems.Add(field, message);
                }

                return TaskWork.ActionResult.Refuse(problems.Problem());
            }

            var implicitClaim = task.Status == Domain.Work.HumanTaskStatus.Queued && caller.ActingAgentId is not null;
            task.Complete(request.Outcome!, request.Data, caller.ActingAgentId, caller.Actor, now);
            if (implicitClaim && caller.Agent is { } agent)
            {
                // Completing an unclaimed task is taking it: the assignment is explained like any other.
                db.TaskRoutingDecisions.Add(Persistence.Work.TaskRoutingRecord.From(task.Id, new Domain.Work.Routing.RoutingDecision("Claim", agent.Id,
                    $"{agent.Name} completed it without claiming it first.", false, [new Domain.Work.Routing.CandidateVerdict(agent.Id, agent.Name, true, true, "completed it")], now)));
            }
            if (task.CaseId is { } caseId && await CaseQueries.TrackedById(db, caseId) is { } @case)
            {
                @case.RecordTaskCompleted(task.Title, task.Outcome!, caller.Actor, now);
            }

            var run = await runtime.ResumeBookmarkAsync(task.BookmarkId, new JsonObject
            {
                [HumanTaskContract.OutcomeInput] = task.Outcome,
                [HumanTaskContract.DataInput] = request.Data?.DeepClone() ?? new JsonObject(),
                [HumanTaskContract.CompletedByInput] = new JsonObject { ["id"] = caller.Actor.Id, ["name"] = caller.Actor.Name, ["agentId"] = caller.AgentId?.ToString() },
            }, ct);
            if (run is null)
            {
                return TaskWork.ActionResult.Refuse(await BookmarkGoneAsync(db, task.Id, task.InstanceId, ct));
            }

            var response = TaskResponse.From(task);
            if (idempotency is not null)
            {
                Idempotency.Record(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, StatusCodes.Status200OK, null, response,
                    json.Value.SerializerOptions, now);
            }

            return new TaskWork.ActionResult(Results.Ok(response));
        }, ct, readFirst: true);
    }

    /// <summary>
    /// The bookmark is gone: a parallel completion committed after we read the task (PostgreSQL, read committed), or
    /// the workflow stopped waiting. Either way nothing is committed; the answer says which.
    /// </summary>
    private static async Task<IResult> BookmarkGoneAsync(CustomerCasesDbContext db, Guid taskId, string instanceId, CancellationToken ct)
    {
        var stored = await db.HumanTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        return stored.Status switch
        {
            Domain.Work.HumanTaskStatus.Completed => ApiProblems.Conflict("task_completed", "Not allowed in the current state", $"Task {taskId} is already completed (outcome {stored.Outcome})."),
            Domain.Work.HumanTaskStatus.Cancelled => ApiProblems.Conflict("task_cancelled", "Not allowed in the current state", $"Task {taskId} was cancelled: {stored.CancelReason}."),
            _ => ApiProblems.Conflict("workflow_not_waiting", "Workflow not waiting", $"The workflow instance {instanceId} no longer waits for this task."),
        };
    }
}
