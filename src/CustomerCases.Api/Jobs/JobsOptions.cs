namespace CustomerCases.Api.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server (and the timer poller) in this process (every API node does by default).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How often Hangfire looks for due scheduled jobs; its default (15 s) is far too coarse for timers.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 4;

    /// <summary>How long idempotency answers are kept for retries.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often each node looks for due timer rows and fires them itself (<see cref="DueTimerPoller"/>): the fast path
    /// that makes timers punctual (performance goal G5). Zero turns it off; Hangfire alone then wakes timers at their due time.
    /// </summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How many due timers one node fires at once. One by default: on SQLite firings queue at the write gate anyway, and
    /// two timers of one case fired together would conflict on the case's version (the loser is retried).
    /// </summary>
    public int TimerFiringConcurrency { get; set; } = 1;

    /// <summary>
    /// With the poller on, each timer's Hangfire wake-up is set this long after its due time: a backstop that normally
    /// finds the row already fired, and fires it when no poller did (a node stopped, a firing failed).
    /// </summary>
    public TimeSpan TimerBackstopDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timers due within this horizon get a Hangfire wake-up as soon as they commit; later ones are handed over by the
    /// minutely sweeps as they come within reach (<see cref="TimerSweepWindow"/>). Most instants are hours away, so a
    /// write creates no Hangfire job for them: a Hangfire job per case would cost intake ~7 % of its CPU (measured) and
    /// cap it on slow job storages (performance goals G1, G6).
    /// </summary>
    public TimeSpan WakeUpHorizon { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after its due time a timer's Hangfire wake-up is scheduled.</summary>
    public TimeSpan HangfireWakeUpDelay => TimerPollInterval > TimeSpan.Zero ? TimerBackstopDelay : TimeSpan.Zero;
}
