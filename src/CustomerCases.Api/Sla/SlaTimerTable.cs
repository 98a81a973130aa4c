using CustomerCases.Api.Jobs;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

internal sealed class SlaTimerTable : IDueTimerTable
{
    public string Kind => "sla";

    public Task<List<Guid>> FindDueAsync(CustomerCasesDbContext db, DateTimeOffset now, int limit, CancellationToken ct) =>
        db.SlaTimers.Where(t => t.FiredAt == null && t.DueAt <= now).OrderBy(t => t.DueAt).Select(t => t.Id).Take(limit).ToListAsync(ct);

    public Task<List<DueTimer>> FindInSweepAsync(CustomerCasesDbContext db, TimerSweepWindow window, CancellationToken ct) =>
        db.SlaTimers.AsNoTracking()
            .Where(t => t.FiredAt == null && (t.DueAt <= window.OverdueBefore || (t.DueAt > window.EnteringAfter && t.DueAt <= window.EnteringUntil)))
            .Select(t => new DueTimer(t.Id, t.DueAt)).ToListAsync(ct);

    public void ScheduleWakeUp(IServiceProvider services, DueTimer timer) =>
        services.GetRequiredService<SlaTimerScheduler>().Schedule(timer.Id, timer.DueAt);

    public Task FireAsync(IServiceProvider services, Guid timerId, CancellationToken ct) =>
        services.GetRequiredService<FireSlaTimerJob>().RunAsync(timerId, ct);
}
