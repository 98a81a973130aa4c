using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Recomputes a case's SLA targets from its full history (persisted entries plus those staged in this unit of work)
/// and rewrites its target snapshots and their alarms (the next warning or breach instant of each) in the caller's
/// DbContext, so they commit with the change that caused them. What has fired stays fired: an alarm is only ever set to
/// a threshold above the target's <see cref="SlaTargetRecord.FiredFraction"/>.
/// </summary>
internal sealed class SlaRecalculator(SlaCatalog catalog, SlaCalendarHistory calendars, TimeProvider time)
{
    /// <summary>Returns the alarms that are new or moved (to be woken after the commit).</summary>
    public async Task<List<SlaAlarm>> RecalculateAsync(CustomerCasesDbContext db, Case c, CancellationToken ct) =>
        (await RecomputeAsync(db, c, ct)).Alarms;

    /// <summary>The same, keeping the computed states so that an alarm that has just fired can be pointed at the next threshold.</summary>
    public async Task<SlaRecomputation> RecomputeAsync(CustomerCasesDbContext db, Case c, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var set = await catalog.GetAsync(db, ct);
        // Without DbContext.Entry's DetectChanges on the case graph: a third of this recomputation at intake, and the
        // SaveChanges this runs in detects changes right after anyway.
        var isNew = db.StateOf(c) == EntityState.Added;
        var customer = db.Tracked<Customer>().FirstOrDefault(x => x.Id == c.CustomerId)
            ?? await SlaQueries.CustomerById(db, c.CustomerId);
        var history = isNew ? c.History.ToList() : await LoadHistoryAsync(db, c, ct);
        var selected = set.Select(catalog.Conditions, SlaCaseSnapshot.From(c, customer));
        var targets = isNew ? [] : await SlaQueries.TargetsOfAsync(db, c.Id, ct);
        targets.AddRange(db.Tracked<SlaTargetRecord>().Where(t => t.CaseId == c.Id && !targets.Contains(t)));
        IReadOnlyList<SlaTargetState> states = [];
        if (selected is { } s)
        {
            // A new case has one calendar so far; an existing one may have changed calendar along the way.
            var clock = isNew ? SlaClock.Of(s.Calendar) : await calendars.ClockAsync(db, c, s.Calendar, targets, record: true, now, ct);
            states = SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, history), s.Policy, clock, now);
        }

        var result = new SlaRecomputation();
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
            result.States[row.Id] = state;
            if (SlaAlarm.Point(row, state) is { } alarm)
            {
                result.Alarms.Add(alarm);
            }
        }

        foreach (var stale in targets.Where(t => t.Stage is nameof(SlaStage.InProgress) or nameof(SlaStage.Paused)
                     && !states.Any(s => s.Metric.ToString() == t.Metric && s.Cycle == t.Cycle)))
        {
            // No policy applies any more (or it has no such metric): the target is cancelled, not deleted.
            stale.Stage = nameof(SlaStage.Cancelled);
            stale.UpdatedAt = now;
            stale.AlarmAt = null;
            stale.AlarmFraction = null;
        }

        return result;
    }

    private static async Task<List<CaseHistoryEntry>> LoadHistoryAsync(CustomerCasesDbContext db, Case c, CancellationToken ct)
    {
        var stored = await SlaQueries.HistoryOfAsync(db, c.Id, ct);
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
}
