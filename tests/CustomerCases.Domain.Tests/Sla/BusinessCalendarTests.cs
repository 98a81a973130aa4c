using CustomerCases.Domain.Sla;
using static CustomerCases.Domain.Tests.Sla.Calendars;

namespace CustomerCases.Domain.Tests.Sla;

public class BusinessCalendarTests
{
    [Fact]
    public void AddBusinessTime_CreatedFridayEvening_StartsAtMondayOpening()
    {
        var due = BerlinOffice.AddBusinessTime(Local(2026, 3, 6, 18), H(2));

        Assert.Equal(Local(2026, 3, 9, 11), due);
    }

    [Fact]
    public void AddBusinessTime_AcrossLunchBreak_SkipsTheBreak()
    {
        Assert.Equal(Local(2026, 3, 9, 14), BerlinOffice.AddBusinessTime(Local(2026, 3, 9, 11), H(2)));
        Assert.Equal(H(2), BerlinOffice.BusinessTimeBetween(Local(2026, 3, 9, 11), Local(2026, 3, 9, 14)));
    }

    [Fact]
    public void AddBusinessTime_EndsExactlyAtClosing_IsTheClosingTime()
    {
        Assert.Equal(Local(2026, 3, 9, 17), BerlinOffice.AddBusinessTime(Local(2026, 3, 9, 9), H(7)));
    }

    [Fact]
    public void AddBusinessTime_OverHolidayAndWeekend_SkipsThem()
    {
        // Thu 24 Dec 16:00: one hour that day, Fri 25 is a holiday, then the weekend.
        var due = BerlinOffice.AddBusinessTime(Local(2026, 12, 24, 16), H(2));

        Assert.Equal(Local(2026, 12, 28, 10), due);
        Assert.Equal(H(2), BerlinOffice.BusinessTimeBetween(Local(2026, 12, 24, 16), due));
    }

    [Fact]
    public void BusinessDays_VersusBusinessHours_AreDifferentUnits()
    {
        var monday = Local(2026, 3, 9, 9);

        Assert.Equal(Local(2026, 3, 11, 9), BerlinOffice.AddBusinessDays(monday, 2));
        Assert.Equal(Local(2026, 3, 11, 11), BerlinOffice.AddBusinessTime(monday, H(16)));
    }

    [Fact]
    public void AddBusinessDays_FridayAfternoon_IsSameClockTimeOnNthOpenDay()
    {
        Assert.Equal(Local(2026, 3, 10, 10, 30), BerlinOffice.AddBusinessDays(Local(2026, 3, 6, 10, 30), 2));
        // Outside hours: the clock starts Monday 09:00, one business day later is Tuesday 09:00.
        Assert.Equal(Local(2026, 3, 10, 9), BerlinOffice.AddBusinessDays(Local(2026, 3, 6, 18), 1));
        // Over the Christmas holiday: Thu 24 → (Fri 25 closed, weekend) → Mon 28.
        Assert.Equal(Local(2026, 12, 28, 10), BerlinOffice.AddBusinessDays(Local(2026, 12, 24, 10), 1));
    }

    [Fact]
    public void SpringForward_DayHas23OpenHours()
    {
        // 29 March 2026: Berlin clocks jump from 02:00 to 03:00.
        var open = BerlinEveryDay.BusinessTimeBetween(Local(2026, 3, 29, 0), Local(2026, 3, 30, 0));

        Assert.Equal(H(23), open);
        Assert.Equal(Local(2026, 3, 29, 4), BerlinEveryDay.AddBusinessTime(Local(2026, 3, 29, 1), H(2)));
    }

    [Fact]
    public void FallBack_DayHas25OpenHours()
    {
        // 25 October 2026: Berlin clocks go back from 03:00 to 02:00.
        var open = BerlinEveryDay.BusinessTimeBetween(Local(2026, 10, 25, 0), Local(2026, 10, 26, 0));

        Assert.Equal(H(25), open);
    }

    [Fact]
    public void OpeningInsideTheSpringGap_OpensWhenTheClockJumps()
    {
        // Open 02:30–04:00 local: on the spring-forward day 02:30 does not exist, so only 03:00–04:00 is open.
        var calendar = NightShift(H(2.5), H(4));

        Assert.Equal(H(1), calendar.BusinessTimeBetween(Local(2026, 3, 29, 0), Local(2026, 3, 29, 12)));
        Assert.Equal(H(1.5), calendar.BusinessTimeBetween(Local(2026, 3, 28, 0), Local(2026, 3, 28, 12)));
    }

    [Fact]
    public void AmbiguousOpeningInFallBack_OpensAtTheFirstOccurrence()
    {
        // Open 02:30–04:00 local on the fall-back day: 02:30 happens twice; the office opens at the first one.
        var calendar = NightShift(H(2.5), H(4));

        Assert.Equal(H(2.5), calendar.BusinessTimeBetween(Local(2026, 10, 25, 0), Local(2026, 10, 25, 12)));
    }

    [Fact]
    public void NewYorkCalendar_AcrossDstStart_KeepsLocalOpeningHours()
    {
        var ny = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var calendar = new BusinessCalendar("ny", 1, ny,
            Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .ToDictionary(d => d, _ => (IReadOnlyList<OpenInterval>)[new OpenInterval(H(9), H(17))]),
            new Dictionary<DateOnly, string>());
        // Fri 6 March 16:00 EST (21:00 UTC) + 2 h → Mon 9 March 10:00 EDT (14:00 UTC); DST began on Sunday 8 March.
        var due = calendar.AddBusinessTime(new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero), H(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void AlwaysOpen_IsWallClockTime()
    {
        var t = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(t.AddHours(30), BusinessCalendar.AlwaysOpen.AddBusinessTime(t, H(30)));
        Assert.Equal(H(30), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(t, t.AddHours(30)));
    }

    [Theory]
    [InlineData("PT10S", 10, 0)]
    [InlineData("PT8H", 8 * 3600, 0)]
    [InlineData("PT1H30M", 5400, 0)]
    [InlineData("P2D", 0, 2)]
    public void SlaDuration_Parses_IsoDurations(string text, int seconds, int days)
    {
        var d = SlaDuration.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), d!.BusinessTime);
        Assert.Equal(days, d.BusinessDays);
    }

    [Theory]
    [InlineData("P1DT4H")]
    [InlineData("8h")]
    [InlineData("PT0S")]
    [InlineData("")]
    public void SlaDuration_RefusesAmbiguousOrInvalid(string text)
    {
        Assert.Null(SlaDuration.TryParse(text, out var error));
        Assert.NotNull(error);
    }
}
