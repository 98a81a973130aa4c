using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Sla;
using static CustomerCases.Domain.Tests.Sla.Calendars;

namespace CustomerCases.Domain.Tests.Sla;

/// <summary>A case whose calendar changes mid-flight keeps the business time already elapsed under the old calendar.</summary>
public sealed class SlaClockTests
{
    private static readonly DateTimeOffset Monday9 = Local(2026, 3, 9, 9);
    private static readonly DateTimeOffset Monday20 = Local(2026, 3, 9, 20);

    private static readonly SlaPolicy Resolution16H = new("p", 1, 0, "true", "berlin-office",
        new Dictionary<SlaMetric, SlaDuration> { [SlaMetric.Resolution] = SlaDuration.TryParse("PT16H", out _)! }, [0.5], SlaPolicy.DefaultPauseStatuses);

    private static readonly SlaClock AroundTheClockThenOffice =
        new([new SlaClockPeriod(Monday9, BusinessCalendar.AlwaysOpen), new SlaClockPeriod(Monday20, BerlinOffice)]);

    private static Case NewCase() =>
        Case.Open(1, new Customer("ann@example.com", "Ann", null, null, Monday9), new CaseDraft("Subject", "Body"), Actor.System, Monday9);

    private static SlaTargetState Resolution(Case c, SlaClock clock, DateTimeOffset now) =>
        SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, c.History), Resolution16H, clock, now).Single(t => t.Metric == SlaMetric.Resolution);

    [Fact]
    public void BusinessTimeBetween_CountsEachStretchInItsCalendar()
    {
        // 11 h around the clock on Monday 09:00–20:00, then Tuesday 09:00–10:00 in office hours.
        Assert.Equal(TimeSpan.FromHours(12), AroundTheClockThenOffice.BusinessTimeBetween(Monday9, Local(2026, 3, 10, 10)));
    }

    [Fact]
    public void CalendarChange_KeepsElapsedTime_RemainderRunsInNewCalendar()
    {
        var t = Resolution(NewCase(), AroundTheClockThenOffice, Local(2026, 3, 10, 10));

        // 11 h elapsed under 24×7 stay elapsed; the remaining 5 h run Tue 09:00–12:00 and 13:00–15:00 in the office.
        Assert.Equal(Local(2026, 3, 10, 15), t.DueAt);
        Assert.Equal(TimeSpan.FromHours(12), t.BusinessElapsed);
        Assert.Equal(Local(2026, 3, 9, 17), t.Warnings.Single().At); // 8 h: reached on Monday, under the old calendar
        Assert.Contains(t.Explanation, line => line.Contains("Until", StringComparison.Ordinal) && line.Contains("'24x7'", StringComparison.Ordinal));
    }

    [Fact]
    public void CalendarChange_DiffersFromRecomputingEverythingInEitherCalendar()
    {
        var c = NewCase();
        var now = Local(2026, 3, 10, 10);

        var officeOnly = Resolution(c, SlaClock.Of(BerlinOffice), now).DueAt;
        var alwaysOpenOnly = Resolution(c, SlaClock.Of(BusinessCalendar.AlwaysOpen), now).DueAt;

        Assert.Equal(Local(2026, 3, 11, 11), officeOnly);  // would lose the 4 h the case ran on Monday evening
        Assert.Equal(Local(2026, 3, 10, 1), alwaysOpenOnly); // would ignore that the office is closed now
        Assert.NotEqual(officeOnly, Resolution(c, AroundTheClockThenOffice, now).DueAt);
    }

    [Fact]
    public void CalendarChange_WithPauseAcrossTheChange_PausedTimeCountsInBothCalendars()
    {
        var c = NewCase();
        c.ChangeStatus(CaseStatus.Open, Actor.System, Local(2026, 3, 9, 10));
        c.ChangeStatus(CaseStatus.OnHold, Actor.System, Local(2026, 3, 9, 19));
        c.ChangeStatus(CaseStatus.Open, Actor.System, Local(2026, 3, 10, 10));

        var t = Resolution(c, AroundTheClockThenOffice, Local(2026, 3, 10, 11));

        // Paused 19:00–20:00 (1 h, 24×7) and Tue 09:00–10:00 (1 h, office): 10 h elapsed by 19:00, 6 h remain from 10:00.
        Assert.Equal(TimeSpan.FromHours(2), t.PausedBusinessTime);
        Assert.Equal(Local(2026, 3, 10, 17), t.DueAt);
    }

    [Fact]
    public void SinglePeriodClock_IsExactlyItsCalendar()
    {
        var c = NewCase();
        var now = Local(2026, 3, 10, 10);

        var viaCalendar = SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, c.History), Resolution16H, BerlinOffice, now).Single();
        var viaClock = Resolution(c, SlaClock.Of(BerlinOffice), now);

        Assert.Equal((viaCalendar.DueAt, viaCalendar.BusinessElapsed, viaCalendar.OriginalDueAt), (viaClock.DueAt, viaClock.BusinessElapsed, viaClock.OriginalDueAt));
    }
}
