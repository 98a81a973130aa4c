using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>
/// Tasks still open at their due time (the fixture's HumanTask is due 4 h after creation) are escalated by the overdue
/// job, driven by the fake clock: flagged, one priority level up, moved to the queue's supervisor queue, recorded in
/// the case history — once, never early.
/// </summary>
public abstract class TaskEscalationTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    private static readonly TimeSpan DueAfter = TimeSpan.FromHours(4);

    private async Task<string> CreateQueueWithOverdueAsync(string strategy, string? overdueQueue)
    {
        var name = Unique("q");
        var response = await Admin.PostAsJsonAsync("/api/queues", new { name, strategy, overdueQueue });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    private async Task<int> RunOverdueJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalateOverdueTasksJob>().RunAsync(CancellationToken.None);
    }

    private async Task<List<HistoryDto>> HistoryAsync(Guid caseId) =>
        (await Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{caseId}/history"))!;

    [Fact]
    public async Task OverdueTask_MovesToSupervisorQueue_RaisedAndRerouted_OnceAndNeverEarly()
    {
        var supervisors = await CreateQueueWithOverdueAsync("RoundRobin", null);
        var refunds = await CreateQueueWithOverdueAsync("RoundRobin", supervisors);
        var (ann, _) = await CreateAgentAsync("ann", [refunds]);
        var (boss, _) = await CreateAgentAsync("boss", [supervisors]);
        var (@case, task) = await OpenTaskCaseAsync(refunds);
        Assert.Equal((ann.Id, "Normal"), (task.AssigneeId, task.Priority));

        Clock.Advance(DueAfter - TimeSpan.FromSeconds(1));
        await RunOverdueJobAsync();
        var early = await GetTaskAsync(task.Id);
        Assert.Equal((refunds, false, 0), (early.Queue, early.Overdue, early.EscalationLevel));

        Clock.Advance(TimeSpan.FromSeconds(1));
        await RunOverdueJobAsync();
        await RunOverdueJobAsync(); // a duplicate wake-up

        var escalated = await GetTaskAsync(task.Id);
        Assert.Equal((supervisors, refunds, 1, true), (escalated.Queue, escalated.EscalatedFromQueue, escalated.EscalationLevel, escalated.Overdue));
        Assert.Equal(("High", boss.Id, "Assigned"), (escalated.Priority, escalated.AssigneeId, escalated.Status));
        Assert.Equal(Clock.GetUtcNow(), escalated.OverdueAt);
        var entry = Assert.Single(await HistoryAsync(@case.Id), h => h.Kind == "TaskOverdue");
        Assert.Equal((refunds, supervisors), (entry.OldValue, entry.NewValue));
        var overdue = (await Admin.GetFromJsonAsync<TaskPageDto>("/api/tasks?overdue=true&pageSize=200"))!;
        Assert.Contains(overdue.Items, t => t.Id == task.Id);
    }

    [Fact]
    public async Task OverdueTask_WithoutSupervisorQueue_IsFlaggedAndStaysWithItsHolder()
    {
        var queue = await CreateQueueWithOverdueAsync("RoundRobin", null);
        var (ann, _) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue, priority: "High");

        Clock.Advance(DueAfter + TimeSpan.FromMinutes(3));
        var beforeSweep = await GetTaskAsync(task.Id);
        await RunOverdueJobAsync();

        var flagged = await GetTaskAsync(task.Id);
        Assert.True(beforeSweep.Overdue); // past due already shows before the job flags it
        Assert.Null(beforeSweep.OverdueAt);
        Assert.Equal((queue, ann.Id, "Urgent", 1), (flagged.Queue, flagged.AssigneeId, flagged.Priority, flagged.EscalationLevel));
        Assert.Null(flagged.EscalatedFromQueue);
        Assert.Contains(await HistoryAsync(@case.Id), h => h.Kind == "TaskOverdue" && h.Reason!.Contains("still in queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TaskCompletedInTime_IsNeverEscalated_AndNotListedOverdue()
    {
        var supervisors = await CreateQueueWithOverdueAsync("Pull", null);
        var queue = await CreateQueueWithOverdueAsync("RoundRobin", supervisors);
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(annClient, task.Id, "Resolved")).StatusCode);

        Clock.Advance(DueAfter * 2);
        await RunOverdueJobAsync();

        var done = await GetTaskAsync(task.Id);
        Assert.Equal(("Completed", queue, 0, false), (done.Status, done.Queue, done.EscalationLevel, done.Overdue));
        Assert.DoesNotContain(await HistoryAsync(@case.Id), h => h.Kind == "TaskOverdue");
        var notOverdue = (await Admin.GetFromJsonAsync<TaskPageDto>("/api/tasks?overdue=true&status=Completed&pageSize=200"))!;
        Assert.DoesNotContain(notOverdue.Items, t => t.Id == task.Id);
    }

    [Fact]
    public async Task CreateQueue_OverdueQueueItself_Is400()
    {
        var name = Unique("q");
        var response = await Admin.PostAsJsonAsync("/api/queues", new { name, strategy = "Pull", overdueQueue = name.ToUpperInvariant() });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("overdueQueue", problem.Errors!.Keys);
    }
}

public sealed class TaskEscalationTestsOnSqlite(SqliteFixture fixture) : TaskEscalationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskEscalationTestsOnPostgreSql(PostgreSqlFixture fixture) : TaskEscalationTests(fixture), IClassFixture<PostgreSqlFixture>;
