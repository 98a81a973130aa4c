using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Hangfire wakes SLA alarms (the next instant of each target row, as it wakes workflow timer rows); the rows are the
/// truth and duplicate wake-ups are harmless. Only instants within <see cref="Jobs.JobsOptions.WakeUpHorizon"/> are handed to Hangfire; the sweeper hands over
/// the others as they come near. With the <see cref="Jobs.DueTimerPoller"/> on, the poller fires rows on time and
/// each wake-up is set <see cref="Jobs.JobsOptions.TimerBackstopDelay"/> after the due time, as a backstop. Wake-ups for rows written in a transaction are held per transaction until the commit, so a job never looks
/// for a row that is not committed yet.
/// </summary>
internal sealed class SlaTimerScheduler(IBackgroundJobClient jobs, Jobs.JobsOptions jobsOptions, TimeProvider time)
{
    // Keyed by the transaction the alarms were computed in (by the context when there is none): contexts are pooled, so
    // alarms of a transaction that was disposed without commit or rollback must not ride along with the next request.
    private readonly ConditionalWeakTable<object, List<(Guid Id, DateTimeOffset DueAt)>> _pending = new();

    /// <summary>A wake-up at the due time, or none yet when it is beyond the horizon (the sweeper schedules it later).</summary>
    public void Schedule(Guid targetId, DateTimeOffset dueAt) =>
        Jobs.TimerWakeUps.Schedule<FireSlaTimerJob>(jobs, jobsOptions, time, dueAt, j => j.RunAsync(targetId, CancellationToken.None));

    /// <summary>Holds wake-ups until <paramref name="db"/> commits (or schedules them at once when it has no transaction and saved).</summary>
    public void AddPending(DbContext db, IReadOnlyCollection<SlaAlarm> alarms)
    {
        if (alarms.Count == 0 || alarms.All(a => Jobs.TimerWakeUps.IsBeyondHorizon(jobsOptions, time, a.At)))
        {
            return; // nothing Hangfire needs to hear about now: the sweeps hand far alarms over as they come near
        }

        var list = _pending.GetOrCreateValue(KeyOf(db));
        lock (list)
        {
            list.AddRange(alarms.Select(a => (a.TargetId, a.At)));
        }
    }

    /// <summary>Schedules what was held for <paramref name="unitOfWork"/>: a committed transaction, or a context that saved without one.</summary>
    public void Flush(object unitOfWork)
    {
        if (!_pending.TryGetValue(unitOfWork, out var list))
        {
            return;
        }

        List<(Guid Id, DateTimeOffset DueAt)> taken;
        lock (list)
        {
            taken = [.. list];
            list.Clear();
        }

        foreach (var (id, due) in taken)
        {
            Schedule(id, due);
        }
    }

    public void Discard(object unitOfWork)
    {
        if (_pending.TryGetValue(unitOfWork, out var list))
        {
            lock (list)
            {
                list.Clear();
            }
        }
    }

    private static object KeyOf(DbContext db) => db.Database.CurrentTransaction?.GetDbTransaction() ?? (object)db;
}
