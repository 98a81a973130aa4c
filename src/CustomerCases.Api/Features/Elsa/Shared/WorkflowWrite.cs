using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// The unit of work of every Elsa write endpoint: one writer at a time (SQLite), one transaction in which the store
/// and the runtime only stage changes, then timers are handed to Hangfire — only once their rows are committed.
/// A lost race between two resumes surfaces as DbUpdateConcurrencyException, which the global handler answers 409.
/// Endpoints take it as <c>[AsParameters]</c>: its members are the request's scoped services.
/// </summary>
internal sealed record WorkflowWrite(CustomerCasesDbContext Db, WriteGate Gate, WorkflowRuntime Runtime, WorkflowTimerScheduler TimerScheduler)
{
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
}
