using CustomerCases.Persistence.Workflows;
using Hangfire;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Hangfire wakes timers; the rows are the truth. A wake-up job per timer is scheduled after the row commits, and
/// again for every unfired row at start (in-memory Hangfire storage forgets jobs on restart). Duplicate wake-ups are
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

    public void Schedule(Guid timerId, DateTimeOffset dueAt)
    {
        var delay = dueAt + options.HangfireWakeUpDelay - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            jobs.Enqueue<FireWorkflowTimerJob>(j => j.RunAsync(timerId, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<FireWorkflowTimerJob>(j => j.RunAsync(timerId, CancellationToken.None), delay);
        }
    }
}
