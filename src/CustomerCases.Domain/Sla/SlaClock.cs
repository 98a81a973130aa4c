namespace CustomerCases.Domain.Sla;

/// <summary>From <see cref="From"/> on (until the next period), business time is counted in <see cref="Calendar"/>.</summary>
public sealed record SlaClockPeriod(DateTimeOffset From, BusinessCalendar Calendar);

/// <summary>
/// Business time of a case whose calendar changed along the way (another policy applied, or the calendar itself was
/// edited): time before each change is counted in the calendar of its time, so elapsed time is kept as it was
/// measured and only what is still to come follows the new calendar. The first period reaches back without limit.
/// With one period it is exactly that calendar.
/// </summary>
public sealed class SlaClock
{
    private readonly IReadOnlyList<SlaClockPeriod> _periods;

    public SlaClock(IEnumerable<SlaClockPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        _periods = periods.OrderBy(p => p.From).ToList();
        if (_periods.Count == 0)
        {
            throw new ArgumentException("A clock needs at least one calendar period.", nameof(periods));
        }
    }

    public static SlaClock Of(BusinessCalendar calendar) => new([new SlaClockPeriod(DateTimeOffset.MinValue, calendar)]);

    public IReadOnlyList<SlaClockPeriod> Periods => _periods;

    /// <summary>The calendar in force now (the last period's).</summary>
    public BusinessCalendar Current => _periods[^1].Calendar;

    public bool HasChanges => _periods.Count > 1;

    public BusinessCalendar CalendarAt(DateTimeOffset t)
    {
        for (var i = _periods.Count - 1; i > 0; i--)
        {
            if (t >= _periods[i].From)
            {
                return _periods[i].Calendar;
            }
        }

        return _periods[0].Calendar;
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var i = 0; i < _periods.Count; i++)
        {
            var (start, end) = Bounds(i);
            var a = from > start ? from : start;
            var b = to < end ? to : end;
            if (b > a)
            {
                total += _periods[i].Calendar.BusinessTimeBetween(a, b);
            }
        }

        return total;
    }

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="start"/>, crossing calendar changes.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        var remaining = duration;
        for (var i = 0; i < _periods.Count; i++)
        {
            var (from, end) = Bounds(i);
            if (end <= start)
            {
                continue;
            }

            var cursor = start > from ? start : from;
            var calendar = _periods[i].Calendar;
            var available = i == _periods.Count - 1 ? TimeSpan.MaxValue : calendar.BusinessTimeBetween(cursor, end);
            if (remaining <= available)
            {
                return calendar.AddBusinessTime(cursor, remaining);
            }

            remaining -= available;
        }

        throw new InvalidOperationException("unreachable: the last period has no end");
    }

    private (DateTimeOffset Start, DateTimeOffset End) Bounds(int i) =>
        (i == 0 ? DateTimeOffset.MinValue : _periods[i].From, i + 1 < _periods.Count ? _periods[i + 1].From : DateTimeOffset.MaxValue);
}
