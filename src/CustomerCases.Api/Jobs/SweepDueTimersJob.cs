using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Hands workflow timers to Hangfire as they come within the wake-up horizon, and is the safety net behind per-timer
/// wake-ups (a node that died after committing a timer but before scheduling it, or in-memory Hangfire storage after
/// a restart): at start and then every minute, see <see cref="TimerSweepWindow"/>.
/// </summary>
internal sealed class SweepDueTimersJob(CustomerCasesDbContext db, WorkflowTimerScheduler scheduler, JobsOptions options, TimeProvider time)
{
    public const string Id = "sweep-workflow-timers";

    public async Task<int> RunAsync(bool atStart, CancellationToken ct)
    {
        var window = TimerSweepWindow.For(time.GetUtcNow(), options, atStart);
        var due = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.FiredAt == null && (t.DueAt <= window.OverdueBefore || (t.DueAt > window.EnteringAfter && t.DueAt <= window.EnteringUntil)))
            .Select(t => new { t.Id, t.DueAt }).ToListAsync(ct);
        foreach (var timer in due)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
        }

        return due.Count;
    }
}
