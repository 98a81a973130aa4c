using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Workflows;

/// <summary>A stimulus that overtakes its bookmark is queued, then delivered once when the bookmark is committed.</summary>
public abstract class StimulusQueueTests(ProviderFixture fixture)
{
    private const string Definition = """
        {
          "definitionId": "queue-test", "name": "Queue test", "version": 1,
          "root": { "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "Start1", "type": "Elsa.Start", "version": 1 },
              { "id": "Wait1", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "approved" } } },
              { "id": "Say1", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "went on" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Wait1", "port": "In" } },
              { "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "Say1", "port": "In" } }
            ] }
        }
        """;

    [Fact]
    public async Task EarlyStimulus_IsQueuedThenDeliveredOnceWhenTheBookmarkAppears()
    {
        var correlation = Guid.NewGuid().ToString();
        await InUnitOfWorkAsync(async (runtime, _) =>
        {
            var resumed = await runtime.ResumeAsync(Stimuli.Event("approved"), correlation, null, new JsonObject { ["by"] = "boss" }, CancellationToken.None);
            Assert.Empty(resumed);
        });

        string instanceId = "";
        await InUnitOfWorkAsync(async (runtime, store) =>
        {
            var saved = await store.SaveAsync(Definition, "test", publish: true, CancellationToken.None);
            Assert.True(saved.Published, string.Join("; ", saved.Report.Errors));
            var run = await runtime.StartAsync(saved.Record, null, correlation, null, null, null, CancellationToken.None);
            instanceId = run!.Instance.Id;
        });

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        Assert.Equal("Finished", instance.Status);
        var texts = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.ActivityId == "Say1" && j.EventName == "Completed").CountAsync();
        Assert.Equal(1, texts);
        Assert.False(await db.StimulusQueue.AnyAsync(q => q.CorrelationId == correlation && q.DeliveredAt == null));
    }

    private async Task InUnitOfWorkAsync(Func<WorkflowRuntime, WorkflowDefinitionStore, Task> work)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await work(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}

public sealed class StimulusQueueTestsOnSqlite(SqliteFixture fixture) : StimulusQueueTests(fixture), IClassFixture<SqliteFixture>;

public sealed class StimulusQueueTestsOnPostgreSql(PostgreSqlFixture fixture) : StimulusQueueTests(fixture), IClassFixture<PostgreSqlFixture>;
