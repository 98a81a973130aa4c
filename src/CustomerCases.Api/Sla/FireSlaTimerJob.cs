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
/// Fires one SLA timer row. Never early: the due time is re-read and, after recomputing the case's targets from its
/// history (a reply or pause may have moved or removed the instant), checked again. Once: the row is claimed with a
/// conditional update (<c>FiredAt IS NULL</c>) inside the transaction that resumes the case's workflow, so of two
/// nodes or two wake-ups only one proceeds. Never lost: a failure rolls back and Hangfire retries; the sweeper covers restarts.
/// </summary>
[AutomaticRetry(Attempts = 5)]
internal sealed class FireSlaTimerJob(CustomerCasesDbContext db, WriteGate gate, SlaRecalculator recalculator, SlaTimerScheduler scheduler,
    WorkflowRuntime runtime, WorkflowTimerScheduler workflowTimers, TimerMetrics metrics, TimeProvider time)
{
    public async Task RunAsync(Guid timerId, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var timer = await db.SlaTimers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
        if (timer is null || timer.FiredAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (timer.DueAt > now)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
            return;
        }

        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == timer.CaseId, ct);
        if (c is null)
        {
            return;
        }

        scheduler.AddPending(db, await recalculator.RecalculateAsync(db, c, ct));
        var current = db.Tracked<SlaTimerRecord>().SingleOrDefault(t => t.Id == timerId);
        if (current is null || db.Entry(current).State == EntityState.Deleted || current.DueAt > now)
        {
            await db.SaveChangesAsync(ct); // the re-check moved or removed the instant: store that, fire later or never
            await transaction.CommitAsync(ct);
            return;
        }

        var claimed = await db.SlaTimers.Where(t => t.Id == timerId && t.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
        if (claimed == 0)
        {
            return; // fired by another node or wake-up; the rollback drops our recomputation
        }

        current.FiredAt = now;
        db.Entry(current).Property(t => t.FiredAt).IsModified = false; // already written by the claim
        var target = db.Tracked<SlaTargetRecord>().SingleOrDefault(t => t.CaseId == c.Id && t.Metric == timer.Metric && t.Cycle == timer.Cycle);
        var input = new JsonObject
        {
            ["caseId"] = c.Id.ToString(),
            ["metric"] = timer.Metric,
            ["kind"] = timer.Kind,
            ["fraction"] = timer.Fraction,
            ["dueAt"] = (target?.DueAt ?? timer.DueAt).ToString("O", CultureInfo.InvariantCulture),
            ["policyId"] = target?.PolicyId,
            ["reason"] = Reason(timer, target),
        };
        await runtime.ResumeAsync(SlaStimuli.For(c.Id), c.Id.ToString(), null, input, ct, queueIfUnmatched: false);
        await runtime.ResumeAsync(SlaStimuli.For(c.Id, timer.Metric), c.Id.ToString(), null, input, ct, queueIfUnmatched: false);
        await runtime.TriggerAsync(SlaStimuli.Triggered(), c.Id.ToString(), input, ct); // e.g. the shipped sla-escalation workflow
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.Fired("sla", timer.DueAt, time.GetUtcNow());
        await workflowTimers.Schedule(runtime.TakePendingTimers());
    }

    private static string Reason(SlaTimerRecord timer, SlaTargetRecord? target)
    {
        var what = timer.Kind == SlaTimerRecord.BreachKind
            ? $"SLA {timer.Metric} breached"
            : $"SLA {timer.Metric} warning at {timer.Fraction.ToString("P0", CultureInfo.InvariantCulture)} of the target";
        return target is null ? what : $"{what} (policy '{target.PolicyId}' v{target.PolicyVersion}, due {target.DueAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)})";
    }
}
