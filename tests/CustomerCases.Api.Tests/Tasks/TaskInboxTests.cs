using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>The inbox and the agent/queue administration around it.</summary>
public abstract class TaskInboxTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    [Fact]
    public async Task Inbox_AgentSeesOnlyHisQueues_MostUrgentFirstThenEarliestDue()
    {
        var mine = await CreateQueueAsync("Pull");
        var other = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [mine]);
        var normalEarlier = (await OpenTaskCaseAsync(mine)).Task; // due = created + 4 h
        Clock.Advance(TimeSpan.FromMinutes(1));
        var low = (await OpenTaskCaseAsync(mine, priority: "Low")).Task;
        Clock.Advance(TimeSpan.FromMinutes(1));
        var normalLater = (await OpenTaskCaseAsync(mine)).Task;
        Clock.Advance(TimeSpan.FromMinutes(1));
        var urgent = (await OpenTaskCaseAsync(mine, priority: "Urgent")).Task;
        var elsewhere = (await OpenTaskCaseAsync(other, priority: "Urgent")).Task;

        var inbox = (await annClient.GetFromJsonAsync<TaskPageDto>("/api/tasks"))!;

        Assert.Equal([urgent.Id, normalEarlier.Id, normalLater.Id, low.Id], inbox.Items.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await annClient.GetAsync($"/api/tasks/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annClient.PostAsync($"/api/tasks/{elsewhere.Id}/claim", null)).StatusCode);
        var managerView = (await Admin.GetFromJsonAsync<TaskPageDto>($"/api/tasks?queue={other}"))!;
        Assert.Equal(elsewhere.Id, Assert.Single(managerView.Items).Id);
    }

    [Fact]
    public async Task Inbox_Filters_MineStatusPriorityAndDueBefore()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var claimed = (await OpenTaskCaseAsync(queue, priority: "High")).Task;
        var unclaimed = (await OpenTaskCaseAsync(queue)).Task;
        var done = (await OpenTaskCaseAsync(queue)).Task;
        await annClient.PostAsync($"/api/tasks/{claimed.Id}/claim", null);
        await CompleteAsync(annClient, done.Id, "Resolved");

        async Task<List<Guid>> Ids(string query) => (await annClient.GetFromJsonAsync<TaskPageDto>("/api/tasks" + query))!.Items.Select(t => t.Id).ToList();

        Assert.Equal([claimed.Id], await Ids("?mine=true"));
        Assert.Equal([unclaimed.Id], await Ids("?status=Queued"));
        Assert.Equal([done.Id], await Ids("?status=Completed"));
        Assert.Equal([claimed.Id], await Ids("?priority=High,Urgent"));
        Assert.Empty(await Ids($"?dueBefore={Uri.EscapeDataString(Clock.GetUtcNow().AddHours(3).ToString("O"))}"));
        Assert.Equal(2, (await Ids($"?dueBefore={Uri.EscapeDataString(Clock.GetUtcNow().AddHours(5).ToString("O"))}")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await annClient.GetAsync("/api/tasks?status=Sleeping")).StatusCode);
    }

    [Fact]
    public async Task CreateAgent_AnswersAKeyWithRoleAgentOnce_AndValidates()
    {
        var queue = await CreateQueueAsync("LeastLoaded");
        var (agent, client) = await CreateAgentAsync("ann", [queue.ToUpperInvariant()], skills: [" Billing "], capacity: 2);

        Assert.Equal([queue], agent.Queues);
        Assert.Equal(["billing"], agent.Skills);
        Assert.Equal((2, "Available"), (agent.Capacity, agent.Presence));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/queues", new { name = "x", strategy = "Pull" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/tasks/{Guid.NewGuid()}/reassign", JsonContent.Create(new { agent = "x" }))).StatusCode);
        var listed = (await Admin.GetFromJsonAsync<List<AgentDto>>($"/api/agents?queue={queue}"))!;
        Assert.Equal(agent.Id, Assert.Single(listed).Id);
        var described = (await Admin.GetFromJsonAsync<QueueDto>($"/api/queues/{queue}"))!;
        Assert.Equal(("LeastLoaded", agent.Id), (described.Strategy, Assert.Single(described.Members).Id));

        var invalid = await Admin.PostAsJsonAsync("/api/agents", new { name = "", queues = new[] { "no-such-queue" }, capacity = -1 });
        var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name", problem.Errors!.Keys);
        Assert.Contains("capacity", problem.Errors!.Keys);
        var unknownQueue = await (await Admin.PostAsJsonAsync("/api/agents", new { name = Unique("x"), queues = new[] { "no-such-queue" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no-such-queue", unknownQueue.Errors!["queues"][0], StringComparison.Ordinal);
        var duplicate = await Admin.PostAsJsonAsync("/api/queues", new { name = queue, strategy = "Pull" });
        Assert.Equal("queue_exists", (await duplicate.ProblemAsync(HttpStatusCode.Conflict)).Code);
        var badStrategy = await Admin.PostAsJsonAsync("/api/queues", new { name = Unique("q"), strategy = "Random" });
        Assert.Equal(HttpStatusCode.BadRequest, badStrategy.StatusCode);
    }

    [Fact]
    public async Task AKeyWithRoleAgentButNoAgent_CannotWorkTasks()
    {
        var plain = await App.ClientWithRolesAsync("agent");

        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync("/api/tasks")).StatusCode);
    }
}

public sealed class TaskInboxTestsOnSqlite(SqliteFixture fixture) : TaskInboxTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskInboxTestsOnPostgreSql(PostgreSqlFixture fixture) : TaskInboxTests(fixture), IClassFixture<PostgreSqlFixture>;
