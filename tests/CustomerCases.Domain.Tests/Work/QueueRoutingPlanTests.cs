using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;
using static CustomerCases.Domain.Tests.Work.RoutingBuilder;

namespace CustomerCases.Domain.Tests.Work;

public sealed class QueueRoutingPlanTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(7, 4)]
    [InlineData(30, 5)]
    public void RoundRobin_SpreadsNTasksOverMAgents_WithinOneOfEachOther(int tasks, int agents)
    {
        var queue = WorkQueue.Create("billing", RoutingStrategy.RoundRobin, null, T0);
        var members = Enumerable.Range(1, agents).Select(i => Member($"agent-{i}", capacity: 100)).ToList();
        var waiting = Enumerable.Range(0, tasks).Select(i => (Task(queuedAt: T0.AddSeconds(i)), 1));

        var plan = QueueRoutingPlan.Plan(queue, waiting, members, T0.AddMinutes(1));

        var counts = members.Select(m => plan.Count(p => p.Decision.ChosenAgentId == m.AgentId)).ToList();
        Assert.Equal(tasks, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
    }

    [Fact]
    public void Plan_RespectsCapacity_AndLeavesTheRestWaiting()
    {
        var queue = WorkQueue.Create("billing", RoutingStrategy.LeastLoaded, null, T0);
        var members = new[] { Member("ann", open: 1, capacity: 2), Member("bob", open: 0, capacity: 1) };
        var waiting = Enumerable.Range(0, 4).Select(i => (Task(queuedAt: T0.AddSeconds(i)), 1));

        var plan = QueueRoutingPlan.Plan(queue, waiting, members, T0);

        Assert.Equal(2, plan.Count(p => p.Decision.Assigns));
        Assert.Single(plan, p => p.Decision.ChosenAgentId == GuidFor("ann"));
        Assert.Single(plan, p => p.Decision.ChosenAgentId == GuidFor("bob"));
        Assert.False(plan[2].Decision.Assigns);
    }

    [Fact]
    public void Plan_RoutesByPriorityThenQueueTime()
    {
        var queue = WorkQueue.Create("billing", RoutingStrategy.RoundRobin, null, T0);
        var old = Task(queuedAt: T0);
        var urgent = Task(queuedAt: T0.AddMinutes(5));
        var newer = Task(queuedAt: T0.AddMinutes(1));

        var plan = QueueRoutingPlan.Plan(queue, [(old, 1), (urgent, 3), (newer, 1)], [Member("ann", capacity: 1)], T0.AddMinutes(10));

        Assert.Equal([urgent.TaskId, old.TaskId, newer.TaskId], plan.Select(p => p.Task.TaskId));
        Assert.True(plan[0].Decision.Assigns);
        Assert.False(plan[1].Decision.Assigns);
    }
}
