using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>Routing through the API: strategies, capacity, presence, skills relaxation, and the stored explanation.</summary>
public abstract class TaskRoutingTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    [Fact]
    public async Task RoundRobin_SpreadsTasksEvenly_AndExplainsEachAssignment()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var agents = new List<AgentDto>();
        for (var i = 0; i < 3; i++)
        {
            agents.Add((await CreateAgentAsync($"rr{i}", [queue], capacity: 10)).Agent);
        }

        var tasks = new List<TaskDto>();
        for (var i = 0; i < 7; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            tasks.Add((await OpenTaskCaseAsync(queue)).Task);
        }

        var counts = agents.Select(a => tasks.Count(t => t.AssigneeId == a.Id)).ToList();
        Assert.Equal(7, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
        var routing = (await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{tasks[^1].Id}/routing"))!;
        var decision = Assert.Single(routing.Decisions);
        Assert.Equal(("RoundRobin", tasks[^1].AssigneeId), (decision.Strategy, decision.ChosenAgentId));
        Assert.Equal(3, decision.Candidates.Count);
        Assert.Null(routing.Now);
    }

    /// <summary>
    /// The workflow of a completed task asks for the next task at once: it is routed in the completion's commit, into the
    /// capacity the completion freed (on SQLite the completion stages its work before taking the write gate and routes
    /// only under it).
    /// </summary>
    [Fact]
    public async Task TheNextTaskOfACompletedTasksWorkflow_IsRoutedInTheSameCommit_IntoTheFreedCapacity()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue], capacity: 1);
        var (@case, first) = await OpenTaskCaseAsync(queue, category: "task-chain");
        Assert.Equal(("Assigned", ann.Id), (first.Status, first.AssigneeId));

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(annClient, first.Id, "Done")).StatusCode);

        var next = await TaskOfCaseAsync(@case.Id);
        Assert.NotEqual(first.Id, next.Id);
        Assert.Equal(("Assigned", ann.Id), (next.Status, next.AssigneeId));
        var why = (await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{next.Id}/routing"))!;
        Assert.Equal(ann.Id, Assert.Single(why.Decisions).ChosenAgentId);
    }

    [Fact]
    public async Task LeastLoaded_RespectsCapacity_TheRestWaits_AndIsRoutedWhenCapacityFreesUp()
    {
        var queue = await CreateQueueAsync("LeastLoaded");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue], capacity: 1);
        var (bob, _) = await CreateAgentAsync("bob", [queue], capacity: 2);

        var tasks = new List<TaskDto>();
        for (var i = 0; i < 4; i++)
        {
            tasks.Add((await OpenTaskCaseAsync(queue)).Task);
        }

        Assert.Equal(2, tasks.Count(t => t.AssigneeId == bob.Id));
        Assert.Single(tasks, t => t.AssigneeId == ann.Id);
        var waiting = Assert.Single(tasks, t => t.Status == "Queued");
        var why = (await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{waiting.Id}/routing"))!;
        Assert.Empty(why.Decisions);
        Assert.All(why.Now!.Candidates, c => Assert.StartsWith("at capacity", c.Reason, StringComparison.Ordinal));

        var annTask = tasks.Single(t => t.AssigneeId == ann.Id);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(annClient, annTask.Id, "Resolved")).StatusCode);

        Assert.Equal(ann.Id, (await GetTaskAsync(waiting.Id)).AssigneeId);
        var fifth = (await OpenTaskCaseAsync(queue)).Task;
        Assert.Equal("Queued", fifth.Status);
        var raised = await Admin.PatchAsync($"/api/agents/{bob.Id}", JsonContent.Create(new { capacity = 3 }));
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(bob.Id, (await GetTaskAsync(fifth.Id)).AssigneeId);
    }

    [Fact]
    public async Task AwayAgent_IsNotOffered_AndGetsTheWaitingTaskWhenAvailable()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue]);
        Assert.Equal(HttpStatusCode.OK, (await annClient.PatchAsync($"/api/agents/{ann.Id}", JsonContent.Create(new { presence = "Away" }))).StatusCode);

        var (_, task) = await OpenTaskCaseAsync(queue);
        Assert.Equal("Queued", task.Status);

        await annClient.PatchAsync($"/api/agents/{ann.Id}", JsonContent.Create(new { presence = "Available" }));
        Assert.Equal(ann.Id, (await GetTaskAsync(task.Id)).AssigneeId);
        var capacity = await annClient.PatchAsync($"/api/agents/{ann.Id}", JsonContent.Create(new { capacity = 50 }));
        Assert.Equal(HttpStatusCode.Forbidden, capacity.StatusCode); // agents set only their presence
    }

    [Fact]
    public async Task Skills_GoToTheSkilled_AndAfterTheTimeoutTheMinutelyJobRelaxesToAnyMember()
    {
        var queue = await CreateQueueAsync("Skills", skillsTimeout: "00:05:00");
        var (ann, _) = await CreateAgentAsync("ann", [queue], skills: ["German", "billing"]);
        var (bob, _) = await CreateAgentAsync("bob", [queue], skills: ["billing"]);

        var german = (await OpenTaskCaseAsync(queue, skills: "german,billing")).Task;
        var french = (await OpenTaskCaseAsync(queue, skills: "french")).Task;
        Assert.Equal(ann.Id, german.AssigneeId);
        Assert.Equal("Queued", french.Status);

        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await RunRoutingJobAsync());
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RunRoutingJobAsync());

        Assert.Equal(bob.Id, (await GetTaskAsync(french.Id)).AssigneeId); // bob has more free capacity than ann
        var decision = Assert.Single((await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{french.Id}/routing"))!.Decisions);
        Assert.True(decision.SkillsRelaxed);
    }

    [Fact]
    public async Task Release_PutsTheTaskBackInTheQueue_WhereRoutingGivesItToTheOtherMember()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue]);
        var (_, task) = await OpenTaskCaseAsync(queue);
        Assert.Equal(ann.Id, task.AssigneeId);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (bob, bobClient) = await CreateAgentAsync("bob", [queue]);

        Assert.Equal("task_taken", (await (await bobClient.PostAsync($"/api/tasks/{task.Id}/release", null)).ProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.OK, (await annClient.PostAsync($"/api/tasks/{task.Id}/release", null)).StatusCode);

        Assert.Equal(bob.Id, (await GetTaskAsync(task.Id)).AssigneeId); // bob was never assigned: idle longest
    }

    [Fact]
    public async Task Reassign_ByAManager_MovesTheTask_AndIsExplained()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (bob, _) = await CreateAgentAsync("bob", [queue]);
        var (_, task) = await OpenTaskCaseAsync(queue);
        Assert.Equal(HttpStatusCode.OK, (await annClient.PostAsync($"/api/tasks/{task.Id}/claim", null)).StatusCode);

        var byAgent = await annClient.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { agent = bob.Name });
        var byManager = await Admin.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { agent = bob.Name, reason = "ann is on leave" });

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        Assert.Equal(bob.Id, (await GetTaskAsync(task.Id)).AssigneeId);
        var decisions = (await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{task.Id}/routing"))!.Decisions;
        Assert.Equal(["Claim", "Manual"], decisions.Select(d => d.Strategy));
        Assert.Contains("ann is on leave", decisions[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestedAssignee_GetsTheTask_EvenInAPullQueue()
    {
        var queue = await CreateQueueAsync("Pull");
        await CreateAgentAsync("ann", [queue]);
        var (bob, _) = await CreateAgentAsync("bob", [queue]);

        var (_, task) = await OpenTaskCaseAsync(queue, assignee: bob.Name);

        Assert.Equal(bob.Id, task.AssigneeId);
        Assert.Equal("Direct", Assert.Single((await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{task.Id}/routing"))!.Decisions).Strategy);
    }

    [Fact]
    public async Task Claim_BeyondCapacity_Is409()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue], capacity: 1);
        var first = (await OpenTaskCaseAsync(queue)).Task;
        var second = (await OpenTaskCaseAsync(queue)).Task;

        Assert.Equal(HttpStatusCode.OK, (await annClient.PostAsync($"/api/tasks/{first.Id}/claim", null)).StatusCode);
        var full = await annClient.PostAsync($"/api/tasks/{second.Id}/claim", null);

        Assert.Equal("at_capacity", (await full.ProblemAsync(HttpStatusCode.Conflict)).Code);
    }

    private async Task<int> RunRoutingJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RouteWaitingTasksJob>().RunAsync(CancellationToken.None);
    }
}

public sealed class TaskRoutingTestsOnSqlite(SqliteFixture fixture) : TaskRoutingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskRoutingTestsOnPostgreSql(PostgreSqlFixture fixture) : TaskRoutingTests(fixture), IClassFixture<PostgreSqlFixture>;
