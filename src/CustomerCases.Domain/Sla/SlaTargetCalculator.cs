using CustomerCases.Domain.Cases;

namespace CustomerCases.Domain.Sla;

/// <summary>
/// Replays a case timeline into SLA targets under one policy and calendar. Pure: the same timeline, policy, calendar
/// and <c>now</c> give the same targets, which is what makes recomputation after a policy, priority or calendar change
/// safe. Elapsed time is always measured from the target's start, so a change of policy re-targets without losing
/// elapsed or paused time. Pauses move the due time by the paused business time.
/// </summary>
public static class SlaTargetCalculator
{
    private static readonly IReadOnlySet<CaseStatus> Final = new HashSet<CaseStatus> { CaseStatus.Resolved, CaseStatus.Closed };

    // The resolution clock also pauses while Resolved (a resolution that was reopened does not count; the time it spent
    // resolved is paused time): one set per policy instance, not one per recomputation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SlaPolicy, IReadOnlySet<CaseStatus>> ResolutionPauses = new();

    public static IReadOnlyList<SlaTargetState> Compute(SlaCaseTimeline timeline, SlaPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Compute(timeline, policy, SlaClock.Of(calendar), now);
    }

    /// <summary>
    /// The same with the calendar's history: business time before each calendar change counts in the calendar then in
    /// force (time already elapsed is kept), the rest in the current one.
    /// </summary>
    public static IReadOnlyList<SlaTargetState> Compute(SlaCaseTimeline timeline, SlaPolicy policy, SlaClock calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        var statuses = timeline.Statuses();
        var finalSince = FinalSince(statuses);
        var results = new List<SlaTargetState>();
        var firstReply = timeline.Events.FirstOrDefault(e => e.Kind == SlaCaseEventKind.PublicReplyByPerson);

        if (policy.Targets.TryGetValue(SlaMetric.FirstResponse, out var firstResponse))
        {
            results.Add(Build(SlaMetric.FirstResponse, 0, timeline.CreatedAt, firstReply?.At, firstReply is null ? finalSince : null,
                firstResponse, policy.PauseStatuses, statuses, policy, calendar, now, "the first public reply by a person"));
        }

        if (policy.Targets.TryGetValue(SlaMetric.NextReply, out var nextReply) && firstReply is not null)
        {
            var cycle = 0;
            SlaCaseEvent? open = null;
            foreach (var e in timeline.Events.Where(e => e.Sequence > firstReply.Sequence))
            {
                if (e.Kind == SlaCaseEventKind.CustomerMessage && open is null)
                {
                    open = e;
                }
                else if (e.Kind == SlaCaseEventKind.PublicReplyByPerson && open is not null)
                {
                    results.Add(Build(SlaMetric.NextReply, ++cycle, open.At, e.At, null, nextReply, policy.PauseStatuses, statuses, policy, calendar, now,
                        "the next public reply by a person"));
                    open = null;
                }
            }

            if (open is not null)
            {
                results.Add(Build(SlaMetric.NextReply, ++cycle, open.At, null, finalSince, nextReply, policy.PauseStatuses, statuses, policy, calendar, now,
                    "the next public reply by a person"));
            }
        }

        if (policy.Targets.TryGetValue(SlaMetric.Resolution, out var resolution))
        {
            var pauses = ResolutionPauses.GetValue(policy, p => new HashSet<CaseStatus>(p.PauseStatuses) { CaseStatus.Resolved });
            results.Add(Build(SlaMetric.Resolution, 0, timeline.CreatedAt, finalSince, null, resolution, pauses, statuses, policy, calendar, now,
                "the case being resolved"));
        }

        return results;
    }

    /// <summary>When the case entered its current Resolved/Closed stretch; null while it is not resolved.</summary>
    private static DateTimeOffset? FinalSince(IReadOnlyList<(DateTimeOffset From, CaseStatus Status)> statuses)
    {
        DateTimeOffset? since = null;
        foreach (var (from, status) in statuses)
        {
            since = Final.Contains(status) ? since ?? from : null;
        }

        return since;
    }

    private static SlaTargetState Build(SlaMetric metric, int cycle, DateTimeOffset start, DateTimeOffset? completedAt, DateTimeOffset? cancelledAt,
        SlaDuration target, IReadOnlySet<CaseStatus> pauseStatuses, IReadOnlyList<(DateTimeOffset From, CaseStatus Status)> statuses,
        SlaPolicy policy, SlaClock calendar, DateTimeOffset now, string fulfilledBy)
    {
        var end = completedAt ?? cancelledAt ?? now;
        if (end < start)
        {
            end = start;
        }

        var pauses = PauseSpans(statuses, pauseStatuses, start, end, open: completedAt is null && cancelledAt is null, calendar);
        var pausedBusiness = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.BusinessTime);
        var pausedWall = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + ((p.End ?? end) - p.Start));
        // Business days are counted in the calendar in force when the clock started, then held as the open time they make.
        var startCalendar = calendar.CalendarAt(start);
        var dayDue = target.IsDays ? startCalendar.AddBusinessDays(start, target.BusinessDays) : start;
        var targetBusiness = target.IsDays ? startCalendar.BusinessTimeBetween(start, dayDue) : target.BusinessTime;
        var baseDue = target.IsDays && !calendar.HasChanges ? dayDue : calendar.AddBusinessTime(start, targetBusiness);
        var due = pauses.Any(p => p.Start < baseDue) ? WhenElapsedReaches(targetBusiness, start, pauses, end, calendar) : baseDue;
        var businessElapsed = calendar.BusinessTimeBetween(start, end) - pausedBusiness;
        var wallElapsed = end - start - pausedWall;
        var stage = completedAt is not null ? SlaStage.Completed
            : cancelledAt is not null ? SlaStage.Cancelled
            : pauses.Count > 0 && pauses[^1].End is null ? SlaStage.Paused
            : SlaStage.InProgress;
        var breached = stage switch
        {
            SlaStage.Completed => completedAt > due,
            SlaStage.InProgress => now >= due,
            _ => end > due,
        };
        var warnings = policy.WarnAt.Order()
            .Select(f => new SlaWarning(f, WhenElapsedReaches(targetBusiness * f, start, pauses, end, calendar)))
            .ToList();
        var explanation = new Lazy<IReadOnlyList<string>>(() => SlaExplanation.Build(metric, cycle, start, target, targetBusiness, baseDue, due, pauses,
            pausedBusiness, pausedWall, completedAt, cancelledAt, breached, stage, businessElapsed, policy, calendar, fulfilledBy));
        return new SlaTargetState(metric, cycle, stage, start, due, baseDue, targetBusiness, pausedBusiness, pausedWall,
            businessElapsed < TimeSpan.Zero ? TimeSpan.Zero : businessElapsed, wallElapsed < TimeSpan.Zero ? TimeSpan.Zero : wallElapsed,
            completedAt, breached, warnings, pauses, explanation);
    }

    private static List<SlaPause> PauseSpans(IReadOnlyList<(DateTimeOffset From, CaseStatus Status)> statuses, IReadOnlySet<CaseStatus> pauseStatuses,
        DateTimeOffset start, DateTimeOffset end, bool open, SlaClock calendar)
    {
        var spans = new List<SlaPause>();
        for (var i = 0; i < statuses.Count; i++)
        {
            var (from, status) = statuses[i];
            if (!pauseStatuses.Contains(status))
            {
                continue;
            }

            DateTimeOffset? to = i + 1 < statuses.Count ? statuses[i + 1].From : null;
            var s = from < start ? start : from;
            var e = to is { } t && t < end ? t : end;
            // A pause still running on an open target has no end yet (it may have begun this very instant).
            var ongoing = open && to is null;
            if (e <= s && !ongoing)
            {
                continue;
            }

            spans.Add(new SlaPause(s, ongoing ? null : e, status, calendar.BusinessTimeBetween(s, e)));
        }

        return spans;
    }

    /// <summary>The instant at which running (unpaused) business time since <paramref name="start"/> reaches <paramref name="amount"/>.</summary>
    private static DateTimeOffset WhenElapsedReaches(TimeSpan amount, DateTimeOffset start, IReadOnlyList<SlaPause> pauses, DateTimeOffset end,
        SlaClock calendar)
    {
        var cursor = start;
        var remaining = amount;
        foreach (var pause in pauses)
        {
            var available = calendar.BusinessTimeBetween(cursor, pause.Start);
            if (remaining <= available)
            {
                return calendar.AddBusinessTime(cursor, remaining);
            }

            remaining -= available;
            var pauseEnd = pause.End ?? end;
            cursor = pauseEnd > cursor ? pauseEnd : cursor;
        }

        return calendar.AddBusinessTime(cursor, remaining);
    }
}
