using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Work;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// A routing pass: every waiting task of every queue is offered to the queue's members by the queue's strategy
/// (<see cref="QueueRoutingPlan"/>). It only stages changes in the caller's unit of work — assignments, the agents'
/// last assignment, a stored decision per assignment — and counts the changes the caller has not saved yet, so it can
/// run right after a task was created, completed or released in the same transaction.
/// </summary>
internal sealed class TaskRouting(CustomerCasesDbContext db, TimeProvider time)
{
    private bool _deferred;
    private bool _skippedWhileDeferred;

    /// <summary>
    /// Until <see cref="RouteWaitingAsync"/> is called with <c>underWriteGate: true</c>, passes are skipped: the caller is staging
    /// its work before it takes the write gate (<see cref="TaskWork"/>), and routing must read agents' loads under it.
    /// </summary>
    public void DeferToWriteGate() => _deferred = true;

    /// <summary>Under the write gate: one pass if any was skipped while deferred (e.g. a resumed workflow created a task), else none.</summary>
    public async Task RouteDeferredAsync(CancellationToken ct)
    {
        if (_skippedWhileDeferred)
        {
            await RouteWaitingAsync(ct, underWriteGate: true);
        }

        EndDeferral();
    }

    /// <summary>Passes run again as asked (the deferring attempt was abandoned; what it staged is gone).</summary>
    public void EndDeferral()
    {
        _deferred = false;
        _skippedWhileDeferred = false;
    }

    /// <summary>Routes what can be routed now; returns how many tasks were assigned.</summary>
    /// <param name="ct">Cancels the pass.</param>
    /// <param name="underWriteGate">Set by the caller that deferred passes, once it holds the gate.</param>
    public async Task<int> RouteWaitingAsync(CancellationToken ct, bool underWriteGate = false)
    {
        if (_deferred && !underWriteGate)
        {
            _skippedWhileDeferred = true;
            return 0;
        }

        EndDeferral();
        await RoutingLock.AcquireAsync(db, ct);
        var queues = await db.WorkQueues.AsNoTracking().ToDictionaryAsync(q => q.Name, StringComparer.Ordinal, ct);
        if (!await AnythingToRouteAsync(queues))
        {
            return 0;
        }

        var agents = await TaskQueries.AllAgents(db).ToListAsync(ct);
        var waiting = await RoutableTasksAsync(agents, queues, ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var loads = await OpenTaskCountsAsync(ct);
        var assigned = 0;
        foreach (var group in waiting.GroupBy(t => t.Queue, StringComparer.Ordinal))
        {
            // A queue nobody created yet routes nothing by itself: its tasks wait to be claimed (or for their requested agent).
            var queue = queues.GetValueOrDefault(group.Key) ?? WorkQueue.Create(group.Key, RoutingStrategy.Pull, null, now);
            var members = agents.Where(a => a.IsMemberOf(queue.Name)).Select(a => RoutingCandidate.From(a, loads.GetValueOrDefault(a.Id))).ToList();
            var plan = QueueRoutingPlan.Plan(queue, group.Select(t => (RoutingTask.From(t), (int)t.Priority)), members, now);
            foreach (var (routed, decision) in plan)
            {
                if (decision.ChosenAgentId is not { } agentId)
                {
                    continue;
                }

                var task = group.Single(t => t.Id == routed.TaskId);
                task.Assign(agentId, now);
                agents.Single(a => a.Id == agentId).RecordAssignment(now);
                loads[agentId] = loads.GetValueOrDefault(agentId) + 1;
                db.TaskRoutingDecisions.Add(TaskRoutingRecord.From(task.Id, decision));
                assigned++;
            }
        }

        return assigned;
    }

    /// <summary>What routing would decide for one waiting task now, without changing anything ("why is it still waiting?").</summary>
    public async Task<RoutingDecision> PreviewAsync(HumanTask task, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var queue = await db.WorkQueues.AsNoTracking().SingleOrDefaultAsync(q => q.Name == task.Queue, ct)
            ?? WorkQueue.Create(task.Queue, RoutingStrategy.Pull, null, now);
        var loads = await OpenTaskCountsAsync(ct);
        var agents = await db.Agents.AsNoTracking().ToListAsync(ct);
        var members = agents.Where(a => a.IsMemberOf(queue.Name)).Select(a => RoutingCandidate.From(a, loads.GetValueOrDefault(a.Id))).ToList();
        return TaskRouter.Decide(queue.Strategy, RoutingTask.From(task), members, now, queue.SkillsTimeout);
    }

    /// <summary>
    /// Whether any task waits where routing could assign it: in a push queue, or asking for a particular agent (stored,
    /// or staged in this unit of work). Most passes — every task completion in pull queues — end here, without loading
    /// every agent while holding the write gate.
    /// </summary>
    private async Task<bool> AnythingToRouteAsync(Dictionary<string, WorkQueue> queues)
    {
        if (db.Tracked<HumanTask>().Any(t => t.Status == HumanTaskStatus.Queued))
        {
            return true;
        }

        var pushed = queues.Values.Where(q => q.Strategy != RoutingStrategy.Pull).Select(q => q.Name).ToList();
        return await TaskQueries.AnyRoutable(db, pushed);
    }

    /// <summary>
    /// The waiting tasks a routing pass could assign. Every strategy, and a workflow's requested agent, only ever picks an
    /// available member of the task's queue, and a pull queue (or one nobody created) assigns only tasks that ask for a
    /// particular agent; so only those tasks are read. Reading every waiting task instead made each task action and each
    /// intake that creates a task cost O(backlog): 1,000 tasks waiting in a pull queue meant loading 1,000 rows per request.
    /// </summary>
    private async Task<List<HumanTask>> RoutableTasksAsync(List<Agent> agents, Dictionary<string, WorkQueue> queues, CancellationToken ct)
    {
        var served = agents.Where(a => a.Presence == AgentPresence.Available).SelectMany(a => a.Queues).Distinct(StringComparer.Ordinal).ToList();
        var pushed = served.Where(q => queues.TryGetValue(q, out var queue) && queue.Strategy != RoutingStrategy.Pull).ToList();
        var pulled = served.Except(pushed, StringComparer.Ordinal).ToList();
        var stored = served.Count == 0
            ? []
            : await TaskQueries.Routable(db, pushed, pulled).ToListAsync(ct);
        // Tracked tasks carry this transaction's unsaved changes (a release, a new task): their current state counts.
        return stored.Concat(db.Tracked<HumanTask>()).Distinct().Where(t => t.Status == HumanTaskStatus.Queued).ToList();
    }

    /// <summary>Open (assigned) tasks per agent: the stored counts corrected by this unit of work's unsaved changes.</summary>
    private async Task<Dictionary<Guid, int>> OpenTaskCountsAsync(CancellationToken ct)
    {
        var counts = await db.HumanTasks.Where(t => t.Status == HumanTaskStatus.Assigned && t.AssigneeId != null)
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, ct);
        foreach (var entry in db.ChangeTracker.Entries<HumanTask>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted or EntityState.Unchanged
                && entry.OriginalValues.GetValue<HumanTaskStatus>(nameof(HumanTask.Status)) == HumanTaskStatus.Assigned
                && entry.OriginalValues.GetValue<Guid?>(nameof(HumanTask.AssigneeId)) is { } before)
            {
                counts[before] = counts.GetValueOrDefault(before) - 1;
            }

            if (entry.State != EntityState.Deleted && entry.Entity is { Status: HumanTaskStatus.Assigned, AssigneeId: { } now })
            {
                counts[now] = counts.GetValueOrDefault(now) + 1;
            }
        }

        return counts;
    }
}
