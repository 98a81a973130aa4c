using System.Globalization;

namespace CustomerCases.Domain.Sla;

/// <summary>The plain-language account of how a target's due time was computed (policy, calendar, holidays, pauses).</summary>
internal static class SlaExplanation
{
    public static List<string> Build(SlaMetric metric, int cycle, DateTimeOffset start, SlaDuration target, TimeSpan targetBusiness,
        DateTimeOffset baseDue, DateTimeOffset due, IReadOnlyList<SlaPause> pauses, TimeSpan pausedBusiness, TimeSpan pausedWall,
        DateTimeOffset? completedAt, DateTimeOffset? cancelledAt, bool breached, SlaStage stage, TimeSpan businessElapsed,
        SlaPolicy policy, SlaClock clock, string fulfilledBy)
    {
        var calendar = clock.Current;
        string At(DateTimeOffset t) => SlaText.Instant(t, calendar);
        var lines = new List<string>
        {
            $"Policy '{policy.Id}' v{policy.Version} (order {policy.Order}) applies: its condition `{policy.Condition}` is the first that holds for this case.",
            $"Calendar '{calendar.Id}' v{calendar.Version}: {calendar.Describe()}.",
        };
        foreach (var (earlier, next) in clock.Periods.Zip(clock.Periods.Skip(1)).Where(p => p.Second.From > start))
        {
            lines.Add($"Until {At(next.From)} the calendar was '{earlier.Calendar.Id}' v{earlier.Calendar.Version} ({earlier.Calendar.Describe()}); "
                + "business time elapsed before the change is counted in it and kept.");
        }

        var what = metric == SlaMetric.NextReply ? $"customer message #{cycle.ToString(CultureInfo.InvariantCulture)} awaiting a reply" : "case created";
        var opening = clock.CalendarAt(start).NextOpening(start);
        lines.Add(opening > start
            ? $"Clock started at {At(start)} ({what}), outside business hours, so it runs from the next opening {At(opening)}."
            : $"Clock started at {At(start)} ({what}).");
        lines.Add(target.IsDays
            ? $"Target {target.Text} = {target.BusinessDays} business day(s): the same clock time on the {Ordinal(target.BusinessDays)} open day → {At(baseDue)} ({SlaText.Span(targetBusiness)} of open time)."
            : $"Target {target.Text} = {SlaText.Span(targetBusiness)} of business time → {At(baseDue)} without pauses.");
        var skipped = calendar.Holidays
            .Where(h => h.Key >= DateOnly.FromDateTime(calendar.ToLocal(start)) && h.Key <= DateOnly.FromDateTime(calendar.ToLocal(due > baseDue ? due : baseDue)))
            .OrderBy(h => h.Key).Select(h => $"{h.Key:yyyy-MM-dd} ({h.Value})").ToList();
        if (skipped.Count > 0)
        {
            lines.Add($"Holidays skipped: {string.Join(", ", skipped)}.");
        }

        foreach (var p in pauses)
        {
            lines.Add(p.End is { } end
                ? $"Paused while {p.Status} from {At(p.Start)} to {At(end)}: {SlaText.Span(p.BusinessTime)} of business time."
                : $"Paused while {p.Status} since {At(p.Start)} ({SlaText.Span(p.BusinessTime)} of business time so far); the due time moves on while the pause lasts.");
        }

        if (pauses.Count > 0)
        {
            lines.Add($"Paused {SlaText.Span(pausedBusiness)} of business time ({SlaText.Span(pausedWall)} wall-clock) in total, so the due time is {At(due)}.");
        }

        lines.Add(stage switch
        {
            SlaStage.Completed => $"Completed at {At(completedAt!.Value)} by {fulfilledBy}: {(breached ? $"late, {SlaText.Span(calendar.BusinessTimeBetween(due, completedAt.Value))} of business time after the due time (breached)" : "in time")}.",
            SlaStage.Cancelled => $"Cancelled at {At(cancelledAt!.Value)}: the case was resolved or closed before {fulfilledBy}{(breached ? ", after the due time (breached)" : "")}.",
            _ when breached => $"Breached: the due time {At(due)} has passed; {SlaText.Span(businessElapsed)} of business time elapsed against a target of {SlaText.Span(targetBusiness)}.",
            SlaStage.Paused => $"Paused now: {SlaText.Span(targetBusiness - businessElapsed)} of business time remain when the clock resumes.",
            _ => $"Running: {SlaText.Span(targetBusiness - businessElapsed)} of business time remain until {At(due)}.",
        });
        return lines;
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
