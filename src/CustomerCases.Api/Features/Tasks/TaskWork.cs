using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// The write path every task action shares: one transaction that loads the task, acts on it, routes whatever the
/// action freed or queued, and commits; timers and after-commit work run once committed. A lost race (optimistic
/// concurrency on PostgreSQL) is retried from a fresh read, so the loser gets the answer the domain gives for the
/// state the winner left (e.g. 409 task_taken), never a half-applied change.
/// </summary>
internal sealed class TaskWork(
    CustomerCasesDbContext db,
    WriteGate gate,
    TaskRouting routing,
    WorkflowRuntime runtime,
    WorkflowTimerScheduler timers,
    AfterCommit afterCommit,
    TimeProvider time)
{
    private const int Attempts = 3;

    internal delegate Task<ActionResult> TaskAction(HumanTask task, TaskCaller caller, DateTimeOffset now);

    /// <summary>What an action answers, and whether its changes are to be committed.</summary>
    internal sealed record ActionResult(IResult Result, bool Commit = true)
    {
        public static ActionResult Refuse(IResult result) => new(result, Commit: false);
    }

    /// <summary>True from the second attempt on: a concurrent writer (e.g. a retry of the same request) committed first.</summary>
    public bool Retrying { get; private set; }

    public async Task<IResult> RunAsync(Guid taskId, ClaimsPrincipal user, TaskAction action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Retrying = attempt > 1;
                return await RunOnceAsync(taskId, user, action, ct);
            }
            catch (DbUpdateException ex) when (attempt < Attempts && (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation()))
            {
                db.ChangeTracker.Clear();
                runtime.TakePendingTimers(); // staged by the rolled-back attempt: they were never committed
            }
        }
    }

    private async Task<IResult> RunOnceAsync(Guid taskId, ClaimsPrincipal user, TaskAction action, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var caller = await TaskCaller.ResolveAsync(user, db, ct, tracked: true);
        if (!caller.CanWork)
        {
            return NotAnAgent();
        }

        var task = await TaskQueries.TaskById(db, taskId);
        if (task is null || !caller.CanSee(task))
        {
            return ApiProblems.NotFound("Task", taskId);
        }

        var outcome = await action(task, caller, time.GetUtcNow());
        if (!outcome.Commit)
        {
            return outcome.Result;
        }

        await routing.RouteWaitingAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        writer.Dispose();
        if (runtime.TakePendingTimers() is { Count: > 0 } pending)
        {
            await timers.Schedule(pending);
        }

        await afterCommit.RunAsync(ct);
        return outcome.Result;
    }

    public static IResult NotAnAgent() =>
        ApiProblems.Forbidden("Your API key is not linked to an agent; ask a manager to create your agent (POST /api/agents).");
}
