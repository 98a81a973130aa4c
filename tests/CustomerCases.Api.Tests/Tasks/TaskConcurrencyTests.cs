using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>Races on one task: exactly one claim wins, exactly one completion resumes the workflow.</summary>
public abstract class TaskConcurrencyTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Claim_ByTwoAgentsAtOnce_ExactlyOneWins()
    {
        var queue = await CreateQueueAsync("Pull");
        var (ann, annClient) = await CreateAgentAsync("ann", [queue]);
        var (bob, bobClient) = await CreateAgentAsync("bob", [queue]);

        for (var round = 0; round < Rounds; round++)
        {
            var (_, task) = await OpenTaskCaseAsync(queue);

            var responses = await Task.WhenAll(annClient.PostAsync($"/api/tasks/{task.Id}/claim", null), bobClient.PostAsync($"/api/tasks/{task.Id}/claim", null));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            Assert.Equal("task_taken", (await loser.ProblemAsync(HttpStatusCode.Conflict)).Code);
            var winner = responses[0].StatusCode == HttpStatusCode.OK ? ann.Id : bob.Id;
            Assert.Equal(winner, (await GetTaskAsync(task.Id)).AssigneeId);
        }
    }

    [Fact]
    public async Task Complete_TwiceAtOnce_OneSucceeds_OneIs409_AndTheWorkflowAdvancesOnce()
    {
        var queue = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [queue]);
        var (_, bobClient) = await CreateAgentAsync("bob", [queue]);

        for (var round = 0; round < Rounds; round++)
        {
            var (@case, task) = await OpenTaskCaseAsync(queue);

            var responses = await Task.WhenAll(CompleteAsync(annClient, task.Id, "Resolved"), CompleteAsync(bobClient, task.Id, "Escalate"));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            Assert.Contains((await loser.ProblemAsync(HttpStatusCode.Conflict)).Code, new[] { "task_completed", "task_taken" });
            var stored = await Admin.GetCaseAsync(@case.Id);
            var resolvedNotes = stored.Messages!.Count(m => m.Kind == "InternalNote");
            var escalated = stored.Priority == "Urgent" ? 1 : 0;
            Assert.Equal(1, resolvedNotes + escalated);
            var history = (await Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{@case.Id}/history"))!;
            Assert.Single(history, h => h.Kind == "TaskCompleted");
            Assert.Equal(1, await JournalCountAsync(task.WorkflowInstanceId, "Task1", "Resumed"));
        }
    }

    private async Task<int> JournalCountAsync(string instanceId, string activityId, string eventName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        return (await WorkflowJournal.ReadAsync(db, instanceId)).Count(j => j.ActivityId == activityId && j.EventName == eventName);
    }
}

public sealed class TaskConcurrencyTestsOnSqlite(SqliteFixture fixture) : TaskConcurrencyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TaskConcurrencyTestsOnPostgreSql(PostgreSqlFixture fixture) : TaskConcurrencyTests(fixture), IClassFixture<PostgreSqlFixture>;
