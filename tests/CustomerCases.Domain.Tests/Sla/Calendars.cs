using CustomerCases.Domain.Sla;

namespace CustomerCases.Domain.Tests.Sla;

internal static class Calendars
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Mon–Fri 09:00–12:00 and 13:00–17:00 in Berlin (7 open hours a day), Christmas Day closed.</summary>
    public static BusinessCalendar BerlinOffice { get; } = new("berlin-office", 1, Berlin,
        Weekdays(new OpenInterval(H(9), H(12)), new OpenInterval(H(13), H(17))),
        new Dictionary<DateOnly, string> { [new DateOnly(2026, 12, 25)] = "Christmas Day" });

    /// <summary>Every day around the clock in Berlin, with one holiday so the arithmetic walks local days (not the 24×7 shortcut).</summary>
    public static BusinessCalendar BerlinEveryDay { get; } = new("berlin-daily", 1, Berlin,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpenInterval>)[OpenInterval.WholeDay]),
        new Dictionary<DateOnly, string> { [new DateOnly(2030, 1, 1)] = "far away" });

    public static BusinessCalendar NightShift(TimeSpan from, TimeSpan to) => new("night", 1, Berlin,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpenInterval>)[new OpenInterval(from, to)]),
        new Dictionary<DateOnly, string>());

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    /// <summary>A Berlin wall-clock time as an instant.</summary>
    public static DateTimeOffset Local(int y, int mo, int d, int h, int mi = 0) =>
        new(new DateTime(y, mo, d, h, mi, 0), Berlin.GetUtcOffset(new DateTime(y, mo, d, h, mi, 0)));

    private static Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>> Weekdays(params OpenInterval[] intervals) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => (IReadOnlyList<OpenInterval>)intervals);
}
