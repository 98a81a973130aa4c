using System.Globalization;

namespace CustomerCases.Domain.Sla;

/// <summary>Formatting for the plain-language explanations.</summary>
public static class SlaText
{
    public static string Span(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        span = span.Duration();
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Seconds > 0 || parts.Count == 0) parts.Add($"{span.Seconds}s");
        return (negative ? "-" : "") + string.Join(" ", parts);
    }

    public static string Instant(DateTimeOffset instant, BusinessCalendar calendar) =>
        calendar.IsAlwaysOpen
            ? instant.UtcDateTime.ToString("ddd yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : calendar.ToLocal(instant).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + calendar.TimeZone.Id;
}
