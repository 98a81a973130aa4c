using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Fires one timer row: never early (Hangfire may wake up to a second before the due time, so the due time is
/// re-read and the job re-scheduled), never twice (the row is claimed in the same transaction as the resume, and a
/// concurrent claim loses on the instance's revision), never lost (a failure rolls back and Hangfire retries).
/// </summary>
[AutomaticRetry(Attempts = 5)]
internal sealed class FireWorkflowTimerJob(CustomerCasesDbContext db, WriteGate gate, WorkflowRuntime runtime, WorkflowTimerScheduler scheduler,
    TimeProvider time)
{
    public async Task RunAsync(Guid timerId, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var timer = await db.WorkflowTimers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
        if (timer is null || timer.FiredAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (timer.DueAt > now)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
            return;
        }

        timer.FiredAt = now;
        await runtime.ResumeBookmarkAsync(timer.BookmarkId, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await scheduler.Schedule(runtime.TakePendingTimers());
    }
}
