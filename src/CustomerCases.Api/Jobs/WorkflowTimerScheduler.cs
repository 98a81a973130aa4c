using CustomerCases.Persistence.Workflows;
using Hangfire;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Hangfire wakes timers; the rows are the truth. A timer due within <see cref="JobsOptions.WakeUpHorizon"/> gets its
/// wake-up job after the row commits; later ones are handed over by <see cref="SweepTimersJob"/> as they come near,
/// and at start every row within reach is handed over again (in-memory Hangfire storage forgets jobs on restart). Duplicate wake-ups are
/// harmless: firing claims the row. With the <see cref="DueTimerPoller"/> on, the poller fires the row on time and the
/// wake-up comes <see cref="JobsOptions.TimerBackstopDelay"/> later, as a backstop.
/// </summary>
internal sealed class WorkflowTimerScheduler(IBackgroundJobClient jobs, JobsOptions options, TimeProvider time)
{
    public Task Schedule(IEnumerable<WorkflowTimerRecord> timers)
    {
        foreach (var timer in timers)
        {
            Schedule(timer.Id, timer.DueAt);
        }

        return Task.CompletedTask;
    }

    /// <summary>A wake-up at the due time, or none yet when it is beyond the horizon (a sweep schedules it later).</summary>
    public void Schedule(Guid timerId, DateTimeOffset dueAt) =>
        TimerWakeUps.Schedule<FireWorkflowTimerJob>(jobs, options, time, dueAt, j => j.RunAsync(timerId, CancellationToken.None));
}
