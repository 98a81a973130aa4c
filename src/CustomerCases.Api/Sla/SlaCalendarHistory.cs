using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// The calendars a case's SLA clock ran on, as an <see cref="SlaClock"/>. When the calendar now selected for the case
/// differs from the one its targets were last computed with (another policy applies, or the calendar was edited),
/// the change is recorded from now on: time already elapsed stays counted in the calendar of its time.
/// </summary>
internal sealed class SlaCalendarHistory(SlaCatalog catalog)
{
    /// <param name="record">Stage the change in <paramref name="db"/> (recalculation) or only take it into account (a read).</param>
    public async Task<SlaClock> ClockAsync(CustomerCasesDbContext db, Case c, BusinessCalendar selected, IReadOnlyList<SlaTargetRecord> targets,
        bool record, DateTimeOffset now, CancellationToken ct)
    {
        var periods = await SlaQueries.PeriodsOfAsync(db, c.Id, ct);
        periods.AddRange(db.Tracked<SlaCalendarPeriodRecord>().Where(p => p.CaseId == c.Id && periods.TrueForAll(x => x.Id != p.Id)));
        periods = periods.OrderBy(p => p.From).ThenBy(p => p.CreatedAt).ToList();
        var inForce = periods.Count > 0
            ? (periods[^1].CalendarId, periods[^1].CalendarVersion)
            : targets.Where(t => t.CalendarId.Length > 0).MaxBy(t => t.UpdatedAt) is { } computed ? (computed.CalendarId, computed.CalendarVersion) : ((string, int)?)null;
        if (inForce is { } was && (was.Item1 != selected.Id || was.Item2 != selected.Version))
        {
            var added = new List<SlaCalendarPeriodRecord>();
            if (periods.Count == 0)
            {
                added.Add(Period(c.Id, c.CreatedAt, was.Item1, was.Item2, now));
            }

            added.Add(Period(c.Id, now, selected.Id, selected.Version, now));
            if (record)
            {
                db.SlaCalendarPeriods.AddRange(added);
            }

            periods.AddRange(added);
        }

        if (periods.Count == 0)
        {
            return SlaClock.Of(selected);
        }

        var clock = new List<SlaClockPeriod>();
        foreach (var p in periods)
        {
            clock.Add(new SlaClockPeriod(p.From, await catalog.CalendarVersionAsync(db, p.CalendarId, p.CalendarVersion, ct) ?? selected));
        }

        return new SlaClock(clock);
    }

    private static SlaCalendarPeriodRecord Period(Guid caseId, DateTimeOffset from, string calendarId, int version, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, From = from, CalendarId = calendarId, CalendarVersion = version, CreatedAt = now };
}
