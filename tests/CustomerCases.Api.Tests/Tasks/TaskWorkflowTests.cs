using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>HumanTask from a workflow to completion: the task is made with its bookmark, completing it resumes the workflow.</summary>
public abstract class TaskWorkflowTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    [Fact]
    public async Task Complete_ResumesTheWorkflowOnTheOutcome_WithTheFormDataInExpressions_AndCountsAsWorkOnTheCase()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue);

        Assert.Equal(("Assigned", ann.Id), (task.Status, task.AssigneeId));
        Assert.Equal(["Resolved", "Escalate"], task.Outcomes);
        Assert.Equal(Clock.GetUtcNow().AddHours(4), task.DueAt);
        Assert.Equal("summary", Assert.Single(task.Form, f => f.Required).Name);
        var seen = (await annClient.GetFromJsonAsync<TaskDto>($"/api/tasks/{task.Id}"))!;
        Assert.Equal((@case.Number, @case.Customer.Email), (seen.Case!.Number, seen.Case.CustomerEmail));

        var response = await CompleteAsync(annClient, task.Id, "Resolved", new { summary = "refunded the fee", minutes = 12 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = await GetTaskAsync(task.Id);
        Assert.Equal(("Completed", "Resolved"), (completed.Status, completed.Outcome));
        var stored = await Admin.GetCaseAsync(@case.Id);
        Assert.Contains(stored.Messages!, m => m.Kind == "InternalNote" && m.Body == $"Resolved by {ann.Name}: refunded the fee");
        Assert.Equal("Open", stored.Status); // completing a task is work on the case
        var history = (await Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{@case.Id}/history"))!;
        Assert.Single(history, h => h.Kind == "TaskCompleted" && h.ActorId == ann.ApiKeyId.ToString() && h.NewValue == "Resolved");
        Assert.Equal("Finished", (await InstanceAsync(task.WorkflowInstanceId)).Status);
    }

    [Fact]
    public async Task Complete_OtherOutcome_TakesThatPort()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue);
        Assert.Equal("Queued", task.Status);

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(annClient, task.Id, "Escalate")).StatusCode);

        Assert.Equal("Urgent", (await Admin.GetCaseAsync(@case.Id)).Priority);
        var routing = (await Admin.GetFromJsonAsync<RoutingDto>($"/api/tasks/{task.Id}/routing"))!;
        Assert.Equal("Claim", Assert.Single(routing.Decisions).Strategy); // completing an unclaimed task takes it
    }

    [Fact]
    public async Task Complete_UnknownOutcomeOrInvalidForm_Is400_AndChangesNothing()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (_, task) = await OpenTaskCaseAsync(queue);

        var badOutcome = await (await CompleteAsync(annClient, task.Id, "Maybe")).ProblemAsync(HttpStatusCode.BadRequest);
        var badForm = await (await CompleteAsync(annClient, task.Id, "Resolved", new { minutes = "many", colour = "red" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("outcome", badOutcome.Errors!.Keys);
        Assert.Equal(["data.colour", "data.minutes", "data.summary"], badForm.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Queued", (await GetTaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task Complete_Again_Is409_ButARetryWithTheSameIdempotencyKeyGetsTheFirstAnswer()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue);

        var first = await CompleteAsync(annClient, task.Id, "Resolved", idempotencyKey: "complete-1");
        var retry = await CompleteAsync(annClient, task.Id, "Resolved", idempotencyKey: "complete-1");
        var again = await CompleteAsync(annClient, task.Id, "Escalate");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("task_completed", (await again.ProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Single((await Admin.GetCaseAsync(@case.Id)).Messages!, m => m.Kind == "InternalNote");
    }

    [Fact]
    public async Task AnotherBranchWinningTheRace_CancelsTheTask()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue, category: "race-test");

        Clock.Advance(TimeSpan.FromHours(1));
        await FireTimersAsync(task.WorkflowInstanceId);

        var cancelled = await GetTaskAsync(task.Id);
        Assert.Equal(("Cancelled", "the workflow went on without it"), (cancelled.Status, cancelled.CancelReason));
        Assert.Contains((await Admin.GetCaseAsync(@case.Id)).Messages!, m => m.Body == "joined");
        Assert.Equal("task_cancelled", (await (await CompleteAsync(annClient, task.Id, "Resolved")).ProblemAsync(HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task CompletingBeforeTheTimer_CancelsTheTimerAndTheWorkflowJoinsOnce()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (@case, task) = await OpenTaskCaseAsync(queue, category: "race-test");

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(annClient, task.Id, "Resolved")).StatusCode);
        Clock.Advance(TimeSpan.FromHours(2));
        await FireTimersAsync(task.WorkflowInstanceId);

        Assert.Single((await Admin.GetCaseAsync(@case.Id)).Messages!, m => m.Body == "joined");
        Assert.Equal("Completed", (await GetTaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task CancellingTheInstance_CancelsItsOpenTasks()
    {
        var queue = await CreateQueueAsync("RoundRobin");
        var (ann, _) = await CreateAgentAsync("ann", [queue], capacity: 1);
        var (_, task) = await OpenTaskCaseAsync(queue);
        var (_, waiting) = await OpenTaskCaseAsync(queue);
        Assert.Equal(("Assigned", "Queued"), (task.Status, waiting.Status));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().CancelAsync(task.WorkflowInstanceId, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(("Cancelled", "workflow instance cancelled"), ((await GetTaskAsync(task.Id)).Status, (await GetTaskAsync(task.Id)).CancelReason));
        Assert.Equal(ann.Id, (await GetTaskAsync(waiting.Id)).AssigneeId); // ann had room again, in the same transaction
    }

    [Fact]
    public async Task ClosingTheCase_CancelsItsOpenTasks()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, task) = await OpenTaskCaseAsync(queue);

        var response = await Admin.PatchJsonAsync($"/api/cases/{task.CaseId}", new { status = "Closed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await GetTaskAsync(task.Id);
        Assert.Equal(("Cancelled", "case closed"), (cancelled.Status, cancelled.CancelReason));
    }

    private async Task<Persistence.Workflows.WorkflowInstanceRecord> InstanceAsync(string id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>().WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task FireTimersAsync(string instanceId)
    {
        List<Guid> timers;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            timers = await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id).ToListAsync();
        }

        foreach (var timer in timers)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FireWorkflowTimerJob>().RunAsync(timer, CancellationToken.None);
        }
    }
}

public sealed class TaskWorkflowTestsOnSqlite(SqliteFixture fixture) : TaskWorkflowTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskWorkflowTestsOnPostgreSql(PostgreSqlFixture fixture) : TaskWorkflowTests(fixture), IClassFixture<PostgreSqlFixture>;
