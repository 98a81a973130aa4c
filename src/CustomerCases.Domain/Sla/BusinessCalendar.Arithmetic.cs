namespace CustomerCases.Domain.Sla;

public sealed partial class BusinessCalendar
{
    // Ten years without an open minute means the calendar is broken (validation refuses such calendars).
    private const int MaxDaysScanned = 3660;

    /// <summary>
    /// The open periods (UTC instants) from <paramref name="from"/> on, the first one clipped to start at it. Works in
    /// local dates and converts each boundary: an opening inside a DST gap moves to the end of the gap; an ambiguous
    /// opening takes the earlier instant and an ambiguous closing the later one (the office is open by the wall clock).
    /// </summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenPeriodsFrom(DateTimeOffset from)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZone).DateTime).AddDays(-1);
        for (var i = 0; i < MaxDaysScanned; i++, date = date.AddDays(1))
        {
            if (Holidays.ContainsKey(date))
            {
                continue;
            }

            foreach (var interval in Weekly[date.DayOfWeek])
            {
                var start = ToInstant(date.ToDateTime(TimeOnly.MinValue) + interval.Start, earlier: true);
                var end = ToInstant(date.ToDateTime(TimeOnly.MinValue) + interval.End, earlier: false);
                if (end <= from || end <= start)
                {
                    continue;
                }

                yield return (start < from ? from : start, end);
            }
        }

        throw new InvalidOperationException($"Calendar '{Id}' has no open time within ten years of {from:O}.");
    }

    /// <summary>The instant that lies <paramref name="duration"/> of open time after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return start;
        }

        if (IsAlwaysOpen)
        {
            return start + duration;
        }

        var remaining = duration;
        foreach (var (s, e) in OpenPeriodsFrom(start))
        {
            var length = e - s;
            if (remaining <= length)
            {
                return s + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Open time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (s, e) in OpenPeriodsFrom(from))
        {
            if (s >= to)
            {
                break;
            }

            total += (e < to ? e : to) - s;
        }

        return total;
    }

    /// <summary>The first open instant at or after <paramref name="t"/>.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset t) => IsAlwaysOpen ? t : OpenPeriodsFrom(t).First().Start;

    /// <summary>
    /// Business days: the same local clock time on the Nth open day after the clock starts (a start outside hours
    /// first moves to the next opening); if that time is closed on that day, the next opening after it.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var opening = NextOpening(start);
        if (days <= 0)
        {
            return opening;
        }

        var local = TimeZoneInfo.ConvertTime(opening, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsOpenDay(date))
            {
                counted++;
            }
        }

        return NextOpening(ToInstant(date.ToDateTime(TimeOnly.MinValue) + local.TimeOfDay, earlier: true));
    }

    /// <summary>An instant as the calendar's local time.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>Local wall-clock time to an instant, DST-safe (see <see cref="OpenPeriodsFrom"/>).</summary>
    public DateTimeOffset ToInstant(DateTime local, bool earlier)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            // Inside a spring-forward gap: the first instant whose wall clock reads at least this is the transition.
            var before = local;
            while (TimeZone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            return new DateTimeOffset(before, TimeZone.GetUtcOffset(before)).AddMinutes(1).ToUniversalTime();
        }

        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            var offset = earlier ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
