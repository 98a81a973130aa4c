using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Hands SLA timers to Hangfire as they come within the wake-up horizon, and is the safety net behind per-timer
/// wake-ups: each run (at start, then every minute) schedules every unfired row due before now + horizon + one
/// minute — overdue ones too (a node died between commit and schedule, or in-memory Hangfire storage forgot them on
/// restart). The windows overlap, so a row may be scheduled twice: harmless, firing claims the row.
/// </summary>
internal sealed class SweepSlaTimersJob(CustomerCasesDbContext db, SlaTimerScheduler scheduler, SlaOptions options, TimeProvider time)
{
    public const string Id = "sweep-sla-timers";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var reach = time.GetUtcNow() + options.WakeUpHorizon + TimeSpan.FromMinutes(1);
        var due = await db.SlaTimers.AsNoTracking().Where(t => t.FiredAt == null && t.DueAt <= reach)
            .Select(t => new { t.Id, t.DueAt }).ToListAsync(ct);
        foreach (var timer in due)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
        }

        return due.Count;
    }
}

/// <summary>
/// After a policy or calendar changed: every case that is not closed, plus closed ones with open targets, is
/// recomputed from its history (repair), in batches, each batch one transaction.
/// </summary>
internal sealed class SlaRecomputeJob(IServiceScopeFactory scopes)
{
    private const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            var openTargets = db.SlaTargets.Where(t => t.Stage == "InProgress" || t.Stage == "Paused").Select(t => t.CaseId);
            ids = await db.Cases.Where(c => c.Status != CaseStatus.Closed || openTargets.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        }

        foreach (var batch in ids.Chunk(BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            var recalculator = scope.ServiceProvider.GetRequiredService<SlaRecalculator>();
            var scheduler = scope.ServiceProvider.GetRequiredService<SlaTimerScheduler>();
            using var writer = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(ct);
            foreach (var c in await db.Cases.Where(c => batch.Contains(c.Id)).ToListAsync(ct))
            {
                scheduler.AddPending(db, await recalculator.RecalculateAsync(db, c, ct));
            }

            await db.SaveChangesAsync(ct);
        }

        return ids.Count;
    }
}
