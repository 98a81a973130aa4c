using CustomerCases.Api.Jobs;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>SLA alarms as a timer table: each target row's <c>AlarmAt</c> (its next warning or breach), keyed by the target's id.</summary>
internal sealed class SlaTimerTable : IDueTimerTable
{
    public string Kind => "sla";

    public Task<List<Guid>> FindDueAsync(CustomerCasesDbContext db, DateTimeOffset now, int limit, CancellationToken ct) =>
        db.SlaTargets.Where(t => t.AlarmAt != null && t.AlarmAt <= now).OrderBy(t => t.AlarmAt).Select(t => t.Id).Take(limit).ToListAsync(ct);

    public Task<List<DueTimer>> FindInSweepAsync(CustomerCasesDbContext db, TimerSweepWindow window, CancellationToken ct) =>
        db.SlaTargets.AsNoTracking()
            .Where(t => t.AlarmAt != null && (t.AlarmAt <= window.OverdueBefore || (t.AlarmAt > window.EnteringAfter && t.AlarmAt <= window.EnteringUntil)))
            .Select(t => new DueTimer(t.Id, t.AlarmAt!.Value)).ToListAsync(ct);

    public void ScheduleWakeUp(IServiceProvider services, DueTimer timer) =>
        services.GetRequiredService<SlaTimerScheduler>().Schedule(timer.Id, timer.DueAt);

    public Task FireAsync(IServiceProvider services, Guid timerId, CancellationToken ct) =>
        services.GetRequiredService<FireSlaTimerJob>().RunAsync(timerId, ct);
}
