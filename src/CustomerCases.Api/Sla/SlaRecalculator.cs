using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Recomputes a case's SLA targets from its full history (persisted entries plus those staged in this unit of work)
/// and rewrites its target snapshots and timer rows in the caller's DbContext, so they commit with the change that
/// caused them. Fired timer rows are never touched: each warning and breach fires once per target.
/// </summary>
internal sealed class SlaRecalculator(SlaCatalog catalog, SlaCalendarHistory calendars, TimeProvider time)
{
    /// <summary>Returns the unfired timer rows that are new or whose due time moved (to be woken after the commit).</summary>
    public async Task<List<SlaTimerRecord>> RecalculateAsync(CustomerCasesDbContext db, Case c, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var set = await catalog.GetAsync(db, ct);
        var isNew = db.Entry(c).State == EntityState.Added;
        var customer = db.Tracked<Customer>().FirstOrDefault(x => x.Id == c.CustomerId)
            ?? await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CustomerId, ct);
        var history = isNew ? c.History.ToList() : await LoadHistoryAsync(db, c, ct);
        var selected = set.Select(catalog.Conditions, SlaCaseSnapshot.From(c, customer));
        var targets = isNew ? [] : await db.SlaTargets.Where(t => t.CaseId == c.Id).ToListAsync(ct);
        targets.AddRange(db.Tracked<SlaTargetRecord>().Where(t => t.CaseId == c.Id && !targets.Contains(t)));
        IReadOnlyList<SlaTargetState> states = [];
        if (selected is { } s)
        {
            // A new case has one calendar so far; an existing one may have changed calendar along the way.
            var clock = isNew ? SlaClock.Of(s.Calendar) : await calendars.ClockAsync(db, c, s.Calendar, targets, record: true, now, ct);
            states = SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, history), s.Policy, clock, now);
        }

        var timers = isNew ? [] : await db.SlaTimers.Where(t => t.CaseId == c.Id).ToListAsync(ct);
        timers.AddRange(db.Tracked<SlaTimerRecord>().Where(t => t.CaseId == c.Id && !timers.Contains(t)));

        foreach (var state in states)
        {
            var metric = state.Metric.ToString();
            var row = targets.FirstOrDefault(t => t.Metric == metric && t.Cycle == state.Cycle);
            if (row is null)
            {
                row = new SlaTargetRecord { Id = Guid.CreateVersion7(now), CaseId = c.Id, Metric = metric, Cycle = state.Cycle, OriginalDueAt = state.OriginalDueAt };
                db.SlaTargets.Add(row);
                targets.Add(row);
            }

            Apply(row, state, selected!.Value.Policy, selected.Value.Calendar, now);
        }

        foreach (var stale in targets.Where(t => t.Stage is nameof(SlaStage.InProgress) or nameof(SlaStage.Paused)
                     && !states.Any(s => s.Metric.ToString() == t.Metric && s.Cycle == t.Cycle)))
        {
            // No policy applies any more (or it has no such metric): the target is cancelled, not deleted.
            stale.Stage = nameof(SlaStage.Cancelled);
            stale.UpdatedAt = now;
        }

        return SyncTimers(db, c.Id, states, timers, now);
    }

    private static async Task<List<CaseHistoryEntry>> LoadHistoryAsync(CustomerCasesDbContext db, Case c, CancellationToken ct)
    {
        // No tracking: loading must not fix entries up into the aggregate's history list.
        var stored = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == c.Id).ToListAsync(ct);
        var sequences = stored.Select(h => h.Sequence).ToHashSet();
        stored.AddRange(c.History.Where(h => !sequences.Contains(h.Sequence)));
        return stored;
    }

    private static void Apply(SlaTargetRecord row, SlaTargetState state, SlaPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        row.Stage = state.Stage.ToString();
        row.PolicyId = policy.Id;
        row.PolicyVersion = policy.Version;
        row.CalendarId = calendar.Id;
        row.CalendarVersion = calendar.Version;
        row.StartAt = state.StartAt;
        row.DueAt = state.DueAt;
        row.TargetBusinessSeconds = state.TargetBusinessTime.TotalSeconds;
        row.PausedBusinessSeconds = state.PausedBusinessTime.TotalSeconds;
        row.PausedWallSeconds = state.PausedWallTime.TotalSeconds;
        row.BusinessElapsedSeconds = state.BusinessElapsed.TotalSeconds;
        row.WallElapsedSeconds = state.WallElapsed.TotalSeconds;
        row.CompletedAt = state.CompletedAt;
        row.Breached = state.Breached;
        row.UpdatedAt = now;
    }

    private static List<SlaTimerRecord> SyncTimers(CustomerCasesDbContext db, Guid caseId, IReadOnlyList<SlaTargetState> states,
        List<SlaTimerRecord> timers, DateTimeOffset now)
    {
        var wanted = states.Where(s => s.Stage == SlaStage.InProgress)
            // A target already past due (e.g. re-targeted by an escalation) gets no warnings any more, only its breach.
            .SelectMany(s => s.Warnings.Where(_ => !s.Breached).Select(w => (s.Metric, s.Cycle, Kind: SlaTimerRecord.WarningKind, w.Fraction, w.At))
                .Append((s.Metric, s.Cycle, Kind: SlaTimerRecord.BreachKind, Fraction: 1.0, At: s.DueAt)))
            .ToList();
        var changed = new List<SlaTimerRecord>();
        foreach (var (metric, cycle, kind, fraction, at) in wanted)
        {
            var row = timers.FirstOrDefault(t => t.Metric == metric.ToString() && t.Cycle == cycle && t.Kind == kind && t.Fraction.Equals(fraction));
            if (row is null)
            {
                row = new SlaTimerRecord
                {
                    Id = Guid.CreateVersion7(now), CaseId = caseId, Metric = metric.ToString(), Cycle = cycle, Kind = kind, Fraction = fraction,
                    DueAt = at, CreatedAt = now,
                };
                if (db.Entry(row).State == EntityState.Detached)
                {
                    db.SlaTimers.Add(row);
                }

                timers.Add(row);
                changed.Add(row);
            }
            else if (row.FiredAt is null && row.DueAt != at)
            {
                row.DueAt = at;
                changed.Add(row);
            }
        }

        foreach (var obsolete in timers.Where(t => t.FiredAt is null
                     && !wanted.Any(w => w.Metric.ToString() == t.Metric && w.Cycle == t.Cycle && w.Kind == t.Kind && w.Fraction.Equals(t.Fraction))).ToList())
        {
            // Paused, completed or cancelled: the instant no longer exists (a resume writes it again).
            db.SlaTimers.Remove(obsolete);
        }

        return changed;
    }
}
