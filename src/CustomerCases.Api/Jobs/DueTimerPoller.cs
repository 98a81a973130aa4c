using CustomerCases.Persistence;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// The fast path for timers (performance goal G5): each node looks for due rows every
/// <see cref="JobsOptions.TimerPollInterval"/> and fires them itself, instead of waiting for Hangfire's schedule poll
/// (whole-second due times, up to 1 s early or a poll interval late). It only finds rows already due by the injected
/// clock, and the fire jobs re-check and claim each row in their transaction, so a timer never fires early and fires
/// once even when every node (and a Hangfire backstop wake-up) races for it. Restarts lose nothing: the rows are the queue.
/// </summary>
internal sealed partial class DueTimerPoller(IServiceScopeFactory scopes, IEnumerable<IDueTimerTable> tables, JobsOptions options, TimeProvider time,
    ILogger<DueTimerPoller> logger)
{
    /// <summary>Rows fired per table and pass; at four passes a second that is far above any timer rate we target.</summary>
    private const int BatchSize = 500;

    /// <summary>
    /// A row attempted without being fired (a lost race on the case, a failure, a job that declined it) is tried again
    /// after this long, so a row that stays due cannot make every pass spin on it.
    /// </summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly Dictionary<Guid, DateTimeOffset> _attempted = [];
    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>One pass over every timer table (passes of one node never overlap); returns how many due rows were handed to their jobs.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        await _onePass.WaitAsync(ct);
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        var handed = 0;
        foreach (var table in tables)
        {
            var now = time.GetUtcNow();
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await table.FindDueAsync(scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>(), now, BatchSize, ct);
            }

            var fresh = Fresh(due, now);
            await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = options.TimerFiringConcurrency, CancellationToken = ct },
                async (id, token) => await FireAsync(table, id, token));
            handed += fresh.Count;
        }

        return handed;
    }

    /// <summary>Drops rows attempted within <see cref="RetryAfter"/>.</summary>
    private List<Guid> Fresh(List<Guid> due, DateTimeOffset now)
    {
        foreach (var stale in _attempted.Where(a => a.Value <= now).Select(a => a.Key).ToList())
        {
            _attempted.Remove(stale);
        }

        var fresh = due.Where(id => !_attempted.ContainsKey(id)).ToList();
        foreach (var id in fresh)
        {
            _attempted[id] = now + RetryAfter;
        }

        return fresh;
    }

    private async Task FireAsync(IDueTimerTable table, Guid id, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await table.FireAsync(scope.ServiceProvider, id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another node changed the same case first (optimistic concurrency), or the firing failed: the row stays
            // unfired; the next pass after RetryAfter, or its Hangfire wake-up, tries again.
            LogFiringFailed(logger, ex, table.Kind, id);
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Firing {Kind} timer {TimerId} failed; it will be retried")]
    private static partial void LogFiringFailed(ILogger logger, Exception exception, string kind, Guid timerId);
}
