using System.Diagnostics.Metrics;
using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// The write path every task action shares: one transaction that loads the task, acts on it, routes whatever the
/// action freed or queued, and commits; timers and after-commit work run once committed. A lost race (optimistic
/// concurrency) is retried from a fresh read, so the loser gets the answer the domain gives for the state the winner
/// left (e.g. 409 task_taken), never a half-applied change.
/// </summary>
/// <remarks>
/// <para>
/// With a single-writer database (SQLite) every writer of the node queues at the <see cref="WriteGate"/>, so how long
/// one holds it decides latency under load. An action that asks for it (<c>readFirst</c>: completing a task) therefore
/// reads, runs its workflow and derives what the save would derive (SLA targets) before taking the gate, and holds it
/// only for routing, saving and committing. That first attempt reads committed rows without a transaction, as
/// PostgreSQL's read committed does, and everything it changes is guarded: the task, case and instance carry
/// concurrency tokens, a burned bookmark must still be there to be deleted, the idempotency key is unique, and the
/// stimuli and bookmarks it matched are looked at again under the gate. Losing any of these redoes the action under
/// the gate.
/// </para>
/// <para>
/// Claiming, releasing and reassigning keep the gate throughout: they check the agent's capacity, which no token guards.
/// </para>
/// </remarks>
internal sealed class TaskWork(
    CustomerCasesDbContext db,
    WriteGate gate,
    TaskRouting routing,
    WorkflowRuntime runtime,
    WorkflowTimerScheduler timers,
    AfterCommit afterCommit,
    IEnumerable<IDerivedChanges> derived,
    TimeProvider time)
{
    private const int Attempts = 3;

    // How often a task action lost a race and was redone (e.g. dotnet-counters monitor --counters CustomerCases.Tasks).
    private static readonly Meter Meter = new("CustomerCases.Tasks");
    private static readonly Counter<long> Redone = Meter.CreateCounter<long>("customercases.task_work.redone", description: "Task actions redone after losing a race.");

    internal delegate Task<ActionResult> TaskAction(HumanTask task, TaskCaller caller, DateTimeOffset now);

    /// <summary>What an action answers, and whether its changes are to be committed.</summary>
    internal sealed record ActionResult(IResult Result, bool Commit = true)
    {
        public static ActionResult Refuse(IResult result) => new(result, Commit: false);
    }

    /// <summary>True from the second attempt on: a concurrent writer (e.g. a retry of the same request) committed first.</summary>
    public bool Retrying { get; private set; }

    public async Task<IResult> RunAsync(Guid taskId, ClaimsPrincipal user, TaskAction action, CancellationToken ct, bool readFirst = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Retrying = attempt > 1;
                return await RunOnceAsync(taskId, user, action, readFirst: readFirst && attempt == 1 && gate.Serialises, ct);
            }
            catch (Exception ex) when (attempt < Attempts && LostRace.Is(ex))
            {
                Redone.Add(1, new KeyValuePair<string, object?>("reason", ex.GetType().Name));
                db.ChangeTracker.Clear();
                runtime.DiscardStaged(); // staged by the rolled-back attempt: never committed
                afterCommit.Discard();
            }
        }
    }

    private async Task<IResult> RunOnceAsync(Guid taskId, ClaimsPrincipal user, TaskAction action, bool readFirst, CancellationToken ct)
    {
        IDisposable? writer = null;
        IDbContextTransaction? transaction = null;
        // No savepoint around SaveChanges (two statements per action): a failed save is never continued from, the
        // whole transaction is dropped and the action redone. A pooled context gets the default back when returned.
        db.Database.AutoSavepointsEnabled = false;
        if (readFirst)
        {
            await db.Database.OpenConnectionAsync(ct); // one connection for the reads and the transaction after them
            routing.DeferToWriteGate(); // e.g. a task the workflow creates next: assigned under the gate, by the pass below
        }

        try
        {
            if (!readFirst)
            {
                writer = await gate.EnterAsync(ct);
                transaction = await db.Database.BeginTransactionAsync(ct);
            }

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

            if (readFirst)
            {
                (writer, transaction) = await ReadFirst.EnterGateAsync(db, gate, runtime, derived, ct);
            }

            await routing.RouteWaitingAsync(ct, underWriteGate: true);
            await db.SaveChangesAsync(ct);
            await transaction!.CommitAsync(ct);
            writer!.Dispose();
            if (runtime.TakePendingTimers() is { Count: > 0 } pending)
            {
                await timers.Schedule(pending);
            }

            await afterCommit.RunAsync(ct);
            return outcome.Result;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            writer?.Dispose();
            if (readFirst)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public static IResult NotAnAgent() =>
        ApiProblems.Forbidden("Your API key is not linked to an agent; ask a manager to create your agent (POST /api/agents).");
}
