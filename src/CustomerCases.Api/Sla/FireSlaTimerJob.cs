using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using CustomerCases.Workflows.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Fires one SLA target's alarm (its next warning or breach). Never early: the alarm is re-read and, after recomputing
/// the case's targets from its history (a reply or pause may have moved or removed the instant), checked again. Once:
/// the alarm is claimed with a conditional update that raises the target's <c>FiredFraction</c> to the alarm's
/// fraction, inside the transaction that resumes the case's workflow, so of two nodes or two wake-ups only one proceeds;
/// the same transaction points the alarm at the next threshold. Never lost: a failure rolls back and Hangfire retries;
/// the poller and the sweeper cover restarts.
/// </summary>
[AutomaticRetry(Attempts = 5)]
internal sealed class FireSlaTimerJob(CustomerCasesDbContext db, WriteGate gate, SlaRecalculator recalculator, SlaTimerScheduler scheduler,
    WorkflowRuntime runtime, WorkflowTimerScheduler workflowTimers, TimerMetrics metrics, TimeProvider time)
{
    public const string WarningKind = "Warning";
    public const string BreachKind = "Breach";

    public async Task RunAsync(Guid targetId, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var alarm = await db.SlaTargets.AsNoTracking().Where(t => t.Id == targetId).Select(t => new { t.CaseId, t.AlarmAt }).SingleOrDefaultAsync(ct);
        if (alarm?.AlarmAt is not { } dueAt)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (dueAt > now)
        {
            scheduler.Schedule(targetId, dueAt);
            return;
        }

        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == alarm.CaseId, ct);
        if (c is null)
        {
            return;
        }

        var recomputed = await recalculator.RecomputeAsync(db, c, ct);
        scheduler.AddPending(db, recomputed.Alarms);
        var target = db.Tracked<SlaTargetRecord>().SingleOrDefault(t => t.Id == targetId);
        if (target is not { AlarmAt: { } at, AlarmFraction: { } fraction } || at > now)
        {
            await db.SaveChangesAsync(ct); // the re-check moved or removed the instant: store that, fire later or never
            await transaction.CommitAsync(ct);
            return;
        }

        var claimed = await db.SlaTargets.Where(t => t.Id == targetId && t.FiredFraction < fraction)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredFraction, fraction).SetProperty(t => t.LastFiredAt, now), ct);
        if (claimed == 0)
        {
            return; // fired by another node or wake-up; the rollback drops our recomputation
        }

        // Already written by the claim: held as original and current values, so SaveChanges does not write them again.
        var entry = db.Entry(target);
        entry.Property(t => t.FiredFraction).OriginalValue = fraction;
        entry.Property(t => t.LastFiredAt).OriginalValue = now;
        target.FiredFraction = fraction;
        target.LastFiredAt = now;
        // Point the alarm at the next threshold now that this one has fired (the breach after a warning).
        if (recomputed.Rearm(target) is { } next)
        {
            scheduler.AddPending(db, [next]);
        }

        var kind = fraction >= Domain.Sla.SlaTargetState.BreachFraction ? BreachKind : WarningKind;
        var input = new JsonObject
        {
            ["caseId"] = c.Id.ToString(),
            ["metric"] = target.Metric,
            ["kind"] = kind,
            ["fraction"] = fraction,
            ["dueAt"] = target.DueAt.ToString("O", CultureInfo.InvariantCulture),
            ["policyId"] = target.PolicyId,
            ["reason"] = Reason(kind, fraction, target),
        };
        await runtime.ResumeAsync(SlaStimuli.For(c.Id), c.Id.ToString(), null, input, ct, queueIfUnmatched: false);
        await runtime.ResumeAsync(SlaStimuli.For(c.Id, target.Metric), c.Id.ToString(), null, input, ct, queueIfUnmatched: false);
        await runtime.TriggerAsync(SlaStimuli.Triggered(), c.Id.ToString(), input, ct); // e.g. the shipped sla-escalation workflow
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.Fired("sla", at, time.GetUtcNow());
        await workflowTimers.Schedule(runtime.TakePendingTimers());
    }

    private static string Reason(string kind, double fraction, SlaTargetRecord target)
    {
        var what = kind == BreachKind
            ? $"SLA {target.Metric} breached"
            : $"SLA {target.Metric} warning at {fraction.ToString("P0", CultureInfo.InvariantCulture)} of the target";
        return $"{what} (policy '{target.PolicyId}' v{target.PolicyVersion}, due {target.DueAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)})";
    }
}
