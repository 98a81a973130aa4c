using CustomerCases.Api.Jobs;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>
/// Which timer rows a sweep hands to Hangfire (no database): consecutive minutely sweeps must together hand over every
/// instant once it comes within the horizon, without re-scheduling the whole horizon every minute.
/// </summary>
public sealed class TimerSweepWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly JobsOptions Options = new() { WakeUpHorizon = TimeSpan.FromMinutes(2), TimerBackstopDelay = TimeSpan.FromSeconds(5) };

    private static bool Covers(TimerSweepWindow w, DateTimeOffset due) =>
        due <= w.OverdueBefore || (due > w.EnteringAfter && due <= w.EnteringUntil);

    [Fact]
    public void AtStart_EveryRowWithinReach_IsHandedOver()
    {
        var window = TimerSweepWindow.For(Now, Options, atStart: true);

        Assert.True(Covers(window, Now.AddHours(-3)));
        Assert.True(Covers(window, Now.AddSeconds(30)));
        Assert.True(Covers(window, Now.AddMinutes(3)));
        Assert.False(Covers(window, Now.AddMinutes(3).AddSeconds(1)));
    }

    [Fact]
    public void Periodic_SkipsRowsAlreadyScheduledAtCommit_ButTakesLostOverdueOnes()
    {
        var window = TimerSweepWindow.For(Now, Options, atStart: false);

        Assert.False(Covers(window, Now.AddSeconds(30)));          // within the horizon: its wake-up was set at commit
        Assert.False(Covers(window, Now.AddSeconds(-10)));         // just due: the poller and its backstop handle it
        Assert.True(Covers(window, Now.AddMinutes(-2)));           // overdue past backstop + a period: nobody fired it
        Assert.True(Covers(window, Now.AddMinutes(2).AddSeconds(10))); // comes within the horizon before the next sweep
        Assert.False(Covers(window, Now.AddHours(5)));             // far away: a later sweep
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(59)]
    public void ConsecutiveSweeps_HandOverEveryFutureInstant_AtMostTwice(int sweepSecond)
    {
        var sweeps = Enumerable.Range(0, 30).Select(m => Now.AddMinutes(m).AddSeconds(sweepSecond)).ToList();
        for (var offset = 150; offset < 20 * 60; offset += 7)
        {
            var due = Now.AddSeconds(offset);
            var count = sweeps.Count(at => Covers(TimerSweepWindow.For(at, Options, atStart: false), due) && at + Options.WakeUpHorizon + TimerSweepWindow.Period >= due && at < due);
            Assert.InRange(count, 1, 2);
        }
    }
}
