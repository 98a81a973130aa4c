using CustomerCases.Api.Features.Tasks;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Escalates human tasks still open at their due time. The task rows are the timers: their <c>DueAt</c> is indexed and
/// <c>OverdueAt</c> marks the ones handled, so a wake-up (Hangfire, at the due time of each new task, plus a minutely
/// sweep that also covers restarts) re-reads what is due by the injected clock — never early, never twice. Each
/// escalation follows its queue's policy (<see cref="WorkQueue.OverdueQueue"/>), is written to the case history and
/// re-routes the queues. On PostgreSQL two nodes racing on the same task end with one winner (the task's version).
/// </summary>
internal sealed class EscalateOverdueTasksJob(CustomerCasesDbContext db, WriteGate gate, TaskRouting routing, TimeProvider time)
{
    public const string Id = "escalate-overdue-tasks";
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var due = await db.HumanTasks
            .Where(t => t.OverdueAt == null && t.DueAt != null && t.DueAt <= now
                && (t.Status == HumanTaskStatus.Queued || t.Status == HumanTaskStatus.Assigned))
            .OrderBy(t => t.DueAt)
            .Take(Batch)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var queueNames = due.Select(t => t.Queue).Distinct().ToList();
        var queues = await db.WorkQueues.AsNoTracking().Where(q => queueNames.Contains(q.Name)).ToDictionaryAsync(q => q.Name, ct);
        var targets = queues.Values.Select(q => q.OverdueQueue).OfType<string>().Distinct().ToList();
        var existing = await db.WorkQueues.AsNoTracking().Where(q => targets.Contains(q.Name)).Select(q => q.Name).ToListAsync(ct);
        foreach (var task in due)
        {
            // A supervisor queue that does not exist (yet) cannot take work: the task is flagged where it is.
            var target = queues.GetValueOrDefault(task.Queue)?.OverdueQueue is { } named && existing.Contains(named) ? named : null;
            var from = task.Queue;
            if (!task.EscalateOverdue(target, now))
            {
                continue;
            }

            if (task.CaseId is { } caseId && await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct) is { } @case)
            {
                @case.RecordTaskOverdue(task.Title, from, task.Queue, task.DueAt!.Value, Actor.System, now);
            }
        }

        await routing.RouteWaitingAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another node (or a completion) changed one of these tasks first; the next wake-up re-reads them
        }

        await transaction.CommitAsync(ct);
        return due.Count;
    }
}

/// <summary>Wakes <see cref="EscalateOverdueTasksJob"/>: at a task's due time, every minute, and once at start.</summary>
internal sealed class OverdueTaskScheduler(IBackgroundJobClient jobs)
{
    /// <summary>A wake-up at the due time; harmless if the task is completed by then (the job finds nothing).</summary>
    public void WakeAt(DateTimeOffset dueAt) => jobs.Schedule<EscalateOverdueTasksJob>(j => j.RunAsync(CancellationToken.None), dueAt);

    public static WebApplication ScheduleOverdueTaskSweep(WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<EscalateOverdueTasksJob>(EscalateOverdueTasksJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<EscalateOverdueTasksJob>(j => j.RunAsync(CancellationToken.None));
        return app;
    }
}
