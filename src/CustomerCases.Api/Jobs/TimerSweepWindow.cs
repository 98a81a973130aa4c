namespace CustomerCases.Api.Jobs;

/// <summary>
/// Which unfired timer rows a sweep hands to Hangfire. Writes schedule only rows due within the wake-up horizon, so a
/// periodic sweep hands over the rows that come within the horizon before the next sweep (with half a period of
/// overlap against late sweeps), plus rows overdue beyond the backstop (no poller fired them and their wake-up was
/// lost). At start it hands over every row within reach: in-memory Hangfire storage forgot all wake-ups.
/// Each row is thus scheduled about once or twice, not once a minute; duplicates are harmless (firing claims the row).
/// </summary>
internal readonly record struct TimerSweepWindow(DateTimeOffset OverdueBefore, DateTimeOffset EnteringAfter, DateTimeOffset EnteringUntil)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static TimerSweepWindow For(DateTimeOffset now, JobsOptions options, bool atStart)
    {
        var reach = now + options.WakeUpHorizon + Period;
        return atStart
            ? new TimerSweepWindow(reach, reach, reach)
            : new TimerSweepWindow(now - options.TimerBackstopDelay - Period, now + options.WakeUpHorizon - Period / 2, reach);
    }
}
