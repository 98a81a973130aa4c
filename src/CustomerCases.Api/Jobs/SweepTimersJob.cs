using CustomerCases.Persistence;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Hands timer rows of every table (workflow and SLA timers) to Hangfire as they come within the wake-up horizon, and
/// is the safety net behind per-timer wake-ups (a node that died after committing a timer but before scheduling it,
/// or in-memory Hangfire storage after a restart): at start and then every minute, see <see cref="TimerSweepWindow"/>.
/// </summary>
internal sealed class SweepTimersJob(CustomerCasesDbContext db, IEnumerable<IDueTimerTable> tables, IServiceProvider services, JobsOptions options,
    TimeProvider time)
{
    public const string Id = "sweep-timers";

    /// <summary>Recurring ids of the per-table sweeps this job replaced; removed at start so old storage does not keep firing them.</summary>
    public static readonly string[] FormerIds = ["sweep-workflow-timers", "sweep-sla-timers"];

    /// <returns>How many rows were handed over.</returns>
    public async Task<int> RunAsync(bool atStart, CancellationToken ct)
    {
        var window = TimerSweepWindow.For(time.GetUtcNow(), options, atStart);
        var count = 0;
        foreach (var table in tables)
        {
            foreach (var timer in await table.FindInSweepAsync(db, window, ct))
            {
                table.ScheduleWakeUp(services, timer);
                count++;
            }
        }

        return count;
    }
}
