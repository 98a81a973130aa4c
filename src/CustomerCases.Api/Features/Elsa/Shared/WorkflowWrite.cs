using System.Diagnostics.Metrics;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// The unit of work of every Elsa write endpoint: one writer at a time (SQLite), one transaction in which the store
/// and the runtime only stage changes, then timers are handed to Hangfire — only once their rows are committed.
/// A lost race between two resumes surfaces as DbUpdateConcurrencyException, which the global handler answers 409.
/// Endpoints take it as <c>[AsParameters]</c>: its members are the request's scoped services.
/// </summary>
internal sealed record WorkflowWrite(
    CustomerCasesDbContext Db,
    WriteGate Gate,
    WorkflowRuntime Runtime,
    WorkflowTimerScheduler TimerScheduler,
    [FromServices] TaskRouting Routing,
    [FromServices] IEnumerable<IDerivedChanges> Derived)
{
    // How often a read-first unit of work lost a race and was redone under the gate (dotnet-counters: CustomerCases.Workflows).
    private static readonly Meter Meter = new("CustomerCases.Workflows");
    private static readonly Counter<long> Redone = Meter.CreateCounter<long>("customercases.workflow_write.redone",
        description: "Read-first workflow writes redone under the write gate after losing a race.");

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var writer = await Gate.EnterAsync(ct);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var result = await work(ct);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await TimerScheduler.Schedule(Runtime.TakePendingTimers());
        return result;
    }

    /// <summary>
    /// The same unit of work for a hot path (an event resuming workflows, a new instance's run): with a single-writer database it reads, runs
    /// the workflows and derives what the save would derive (SLA targets) before taking the gate, and holds the gate only
    /// to route new tasks, save and commit — as a task completion does (<see cref="TaskWork"/>, which explains the
    /// guards). A lost race is redone once with the gate held throughout, where a conflict is a real one (409).
    /// <c>execute</c> uses it too: with the engine's run outside the gate, 32 concurrent executions went from
    /// 3.35–3.46 k to 3.70–3.93 k workflows/s (session 11, alternating builds); on the slower, busier machine of
    /// session 8 the CPU, not the gate, was the limit and it measured no change.
    /// </summary>
    public async Task<T> RunReadFirstAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (!Gate.Serialises)
        {
            return await RunAsync(work, ct);
        }

        try
        {
            return await ReadFirstOnceAsync(work, ct);
        }
        catch (Exception ex) when (LostRace.Is(ex))
        {
            Redone.Add(1, new KeyValuePair<string, object?>("reason", ex.GetType().Name));
            Db.ChangeTracker.Clear();
            Runtime.DiscardStaged(); // staged by the rolled-back attempt: never committed
            Routing.EndDeferral(); // under the gate throughout now: tasks are routed as they are created
            return await RunAsync(work, ct);
        }
    }

    private async Task<T> ReadFirstOnceAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await Db.Database.OpenConnectionAsync(ct); // one connection for the reads and the transaction after them
        Routing.DeferToWriteGate(); // a task a resumed workflow creates is assigned under the gate (routing reads agents' loads)
        try
        {
            var result = await work(ct);
            var (writer, tx) = await ReadFirst.EnterGateAsync(Db, Gate, Runtime, Derived, ct);
            using var gateHeld = writer;
            await using var transaction = tx;
            await Routing.RouteDeferredAsync(ct);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await TimerScheduler.Schedule(Runtime.TakePendingTimers());
            return result;
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }
}
