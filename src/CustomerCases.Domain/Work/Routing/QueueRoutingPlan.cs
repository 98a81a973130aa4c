namespace CustomerCases.Domain.Work.Routing;

/// <summary>
/// Routes every waiting task of one queue in Zendesk's order — priority, then the time it entered the queue — and
/// carries each assignment into the next decision (load and last assignment), so one pass never overfills anybody.
/// </summary>
public static class QueueRoutingPlan
{
    public static IReadOnlyList<(RoutingTask Task, RoutingDecision Decision)> Plan(WorkQueue queue, IEnumerable<(RoutingTask Task, int PriorityRank)> waiting,
        IReadOnlyList<RoutingCandidate> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var current = members.ToList();
        var plan = new List<(RoutingTask, RoutingDecision)>();
        foreach (var (task, _) in waiting.OrderByDescending(w => w.PriorityRank).ThenBy(w => w.Task.QueuedAt).ThenBy(w => w.Task.TaskId))
        {
            var decision = TaskRouter.Decide(queue.Strategy, task, current, now, queue.SkillsTimeout);
            plan.Add((task, decision));
            if (decision.ChosenAgentId is { } chosen)
            {
                var index = current.FindIndex(c => c.AgentId == chosen);
                current[index] = current[index] with { OpenTasks = current[index].OpenTasks + 1, LastAssignedAt = now };
            }
        }

        return plan;
    }
}
