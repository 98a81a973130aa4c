namespace CustomerCases.Domain.Sla;

/// <summary>One open interval of a weekday in the calendar's local time; <see cref="End"/> may be 24:00 (end of day).</summary>
public sealed record OpenInterval(TimeSpan Start, TimeSpan End)
{
    public static readonly OpenInterval WholeDay = new(TimeSpan.Zero, TimeSpan.FromDays(1));

    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Format(Start)}–{Format(End)}";

    internal static string Format(TimeSpan t) => t == TimeSpan.FromDays(1) ? "24:00" : $"{(int)t.TotalHours:D2}:{t.Minutes:D2}";
}
