using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// The safety net behind per-timer wake-ups: at start and then every minute, every unfired timer gets a wake-up
/// (a node that died after committing a timer but before scheduling it, or in-memory Hangfire storage after a restart).
/// </summary>
internal sealed class SweepDueTimersJob(CustomerCasesDbContext db, WorkflowTimerScheduler scheduler, TimeProvider time)
{
    public const string Id = "sweep-workflow-timers";

    /// <summary>With <paramref name="all"/> (at start) every unfired timer; otherwise those already overdue by a few seconds.</summary>
    public async Task<int> RunAsync(bool all, CancellationToken ct)
    {
        var overdue = all ? DateTimeOffset.MaxValue : time.GetUtcNow().AddSeconds(-5);
        var due = await db.WorkflowTimers.AsNoTracking().Where(t => t.FiredAt == null && t.DueAt <= overdue)
            .Select(t => new { t.Id, t.DueAt }).ToListAsync(ct);
        foreach (var timer in due)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
        }

        return due.Count;
    }
}
