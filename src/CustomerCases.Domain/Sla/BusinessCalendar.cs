namespace CustomerCases.Domain.Sla;

/// <summary>
/// When the service is open: an IANA time zone, open intervals per weekday (local time, several per day) and holidays
/// (local dates). A calendar without weekly intervals is open around the clock (holidays still apply). Arithmetic is in
/// <c>BusinessCalendar.Arithmetic.cs</c>; it walks open periods in local time and converts each boundary to an instant.
/// </summary>
public sealed partial class BusinessCalendar
{
    /// <summary>The built-in always-open calendar.</summary>
    public const string AlwaysOpenId = "24x7";

    public BusinessCalendar(string id, int version, TimeZoneInfo timeZone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenInterval>> weekly,
        IReadOnlyDictionary<DateOnly, string> holidays, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        Id = id;
        Version = version;
        TimeZone = timeZone;
        Name = name ?? id;
        Holidays = holidays;
        var always = weekly.Values.All(v => v.Count == 0);
        Weekly = Enum.GetValues<DayOfWeek>().ToDictionary(d => d,
            d => always ? (IReadOnlyList<OpenInterval>)[OpenInterval.WholeDay] : weekly.TryGetValue(d, out var list) ? list.OrderBy(i => i.Start).ToList() : []);
        IsAlwaysOpen = always && holidays.Count == 0;
    }

    public static BusinessCalendar AlwaysOpen { get; } =
        new(AlwaysOpenId, 1, TimeZoneInfo.Utc, new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>(), new Dictionary<DateOnly, string>(), "24×7 (always open)");

    public string Id { get; }

    public int Version { get; }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenInterval>> Weekly { get; }

    /// <summary>Closed local dates and their names.</summary>
    public IReadOnlyDictionary<DateOnly, string> Holidays { get; }

    /// <summary>Open every minute: business time equals wall-clock time.</summary>
    public bool IsAlwaysOpen { get; }

    public bool IsOpenDay(DateOnly date) => !Holidays.ContainsKey(date) && Weekly[date.DayOfWeek].Any(i => i.Length > TimeSpan.Zero);

    /// <summary>A one-line description for explanations, e.g. "Europe/Berlin, Mon–Fri 09:00–12:00, 13:00–17:00".</summary>
    /// <remarks>Computed once: a calendar is immutable, and every SLA recomputation explains its due times with it.</remarks>
    public string Describe() => _description ??= BuildDescription();

    private string? _description;

    private string BuildDescription()
    {
        if (IsAlwaysOpen)
        {
            return "open 24×7";
        }

        var groups = new List<string>();
        foreach (var day in OrderedDays)
        {
            var hours = Weekly[day].Count == 0 ? "closed" : string.Join(", ", Weekly[day]);
            groups.Add($"{day.ToString()[..3]} {hours}");
        }

        return $"{TimeZone.Id}, {string.Join("; ", groups)}" + (Holidays.Count > 0 ? $"; {Holidays.Count} holiday(s)" : "");
    }

    private static readonly DayOfWeek[] OrderedDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
