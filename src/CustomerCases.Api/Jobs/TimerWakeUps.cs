using System.Linq.Expressions;
using Hangfire;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// The one rule for handing a timer row to Hangfire, whatever table it lives in: a wake-up at the due time (plus
/// <see cref="JobsOptions.HangfireWakeUpDelay"/>: the backstop behind the poller), or none yet when the row is due
/// beyond <see cref="JobsOptions.WakeUpHorizon"/> (a sweep hands it over as it comes near, see <see cref="TimerSweepWindow"/>).
/// </summary>
internal static class TimerWakeUps
{
    public static void Schedule<TJob>(IBackgroundJobClient jobs, JobsOptions options, TimeProvider time, DateTimeOffset dueAt,
        Expression<Func<TJob, Task>> fire)
    {
        if (IsBeyondHorizon(options, time, dueAt))
        {
            return;
        }

        var delay = dueAt - time.GetUtcNow() + options.HangfireWakeUpDelay;
        if (delay <= TimeSpan.Zero)
        {
            jobs.Enqueue(fire);
        }
        else
        {
            jobs.Schedule(fire, delay);
        }
    }

    /// <summary>Due later than the horizon: no wake-up yet (a sweep hands it over as it comes near).</summary>
    public static bool IsBeyondHorizon(JobsOptions options, TimeProvider time, DateTimeOffset dueAt) => dueAt - time.GetUtcNow() > options.WakeUpHorizon;
}
