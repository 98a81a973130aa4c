using CustomerCases.Persistence;

namespace CustomerCases.Api.Jobs;

/// <summary>A table of timer rows (workflow timers, SLA timers) whose due rows the <see cref="DueTimerPoller"/> fires.</summary>
internal interface IDueTimerTable
{
    /// <summary>Names the table in metrics and logs (<c>workflow</c>, <c>sla</c>).</summary>
    string Kind { get; }

    /// <summary>Unfired rows due at or before <paramref name="now"/>, earliest first (served by the (FiredAt, DueAt) index).</summary>
    Task<List<Guid>> FindDueAsync(CustomerCasesDbContext db, DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Fires one row through its job, which re-checks the due time and claims the row: never early, at most once.</summary>
    Task FireAsync(IServiceProvider services, Guid timerId, CancellationToken ct);
}
