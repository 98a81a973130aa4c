using CustomerCases.Persistence;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// A table of timer rows (workflow timers, SLA timers): the <see cref="DueTimerPoller"/> fires its due rows and the
/// <see cref="SweepTimersJob"/> hands its rows to Hangfire as they come near.
/// </summary>
internal interface IDueTimerTable
{
    /// <summary>Names the table in metrics and logs (<c>workflow</c>, <c>sla</c>).</summary>
    string Kind { get; }

    /// <summary>Unfired rows due at or before <paramref name="now"/>, earliest first (served by an index on the due time).</summary>
    Task<List<Guid>> FindDueAsync(CustomerCasesDbContext db, DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Unfired rows a sweep hands over: see <see cref="TimerSweepWindow"/>.</summary>
    Task<List<DueTimer>> FindInSweepAsync(CustomerCasesDbContext db, TimerSweepWindow window, CancellationToken ct);

    /// <summary>A Hangfire wake-up for one row (see <see cref="TimerWakeUps"/>).</summary>
    void ScheduleWakeUp(IServiceProvider services, DueTimer timer);

    /// <summary>Fires one row through its job, which re-checks the due time and claims the row: never early, at most once.</summary>
    Task FireAsync(IServiceProvider services, Guid timerId, CancellationToken ct);
}

internal readonly record struct DueTimer(Guid Id, DateTimeOffset DueAt);
