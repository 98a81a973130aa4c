using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Fires one timer row: never early (a wake-up before the due time — Hangfire may wake up to a second early — re-reads
/// the due time and re-schedules), never twice (the row is claimed first, with a conditional update in the transaction
/// that resumes the workflow: of two nodes, pollers or wake-ups only one claims it, the other waits for its commit on
/// PostgreSQL and then finds it fired), never lost (a failure rolls back the claim and Hangfire retries).
/// </summary>
[AutomaticRetry(Attempts = 5)]
internal sealed class FireWorkflowTimerJob(CustomerCasesDbContext db, WriteGate gate, WorkflowRuntime runtime, WorkflowTimerScheduler scheduler,
    TimerMetrics metrics, TimeProvider time)
{
    public async Task RunAsync(Guid timerId, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var timer = await db.WorkflowTimers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
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

        var claimed = await db.WorkflowTimers.Where(t => t.Id == timerId && t.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
        if (claimed == 0)
        {
            return; // fired by another node, poller or wake-up since we read it
        }

        await runtime.ResumeBookmarkAsync(timer.BookmarkId, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.Fired("workflow", timer.DueAt, time.GetUtcNow());
        await scheduler.Schedule(runtime.TakePendingTimers());
    }
}
