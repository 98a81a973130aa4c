using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// The unit of work of every Elsa write endpoint: one writer at a time (SQLite), one transaction in which the store
/// and the runtime only stage changes, then timers are handed to Hangfire — only once their rows are committed.
/// A lost race between two resumes surfaces as DbUpdateConcurrencyException, which the global handler answers 409.
/// </summary>
internal sealed class WorkflowWrite(CustomerCasesDbContext db, WriteGate gate, WorkflowRuntime runtime, WorkflowTimerScheduler timerScheduler)
{
    public CustomerCasesDbContext Db => db;

    public WorkflowRuntime Runtime => runtime;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await timerScheduler.Schedule(runtime.TakePendingTimers());
        return result;
    }
}
