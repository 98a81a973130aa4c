using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Workflows;

/// <summary>A stimulus that overtakes its bookmark is queued, then delivered once when the bookmark is committed.</summary>
public abstract class StimulusQueueTests(ProviderFixture fixture)
{
    protected const string Definition = """
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
        var texts = (await WorkflowJournal.ReadAsync(db, instanceId)).Count(j => j.ActivityId == "Say1" && j.EventName == "Completed");
        Assert.Equal(1, texts);
        Assert.False(await db.StimulusQueue.AnyAsync(q => q.CorrelationId == correlation && q.DeliveredAt == null));
    }

    /// <summary>
    /// A unit of work staged before it takes the write gate (a task completion on SQLite) looked for queued stimuli
    /// when it created its bookmark; one queued after that look must be found when it asks again under the gate.
    /// </summary>
    [Fact]
    public async Task StimulusQueuedAfterTheBookmarkLooked_IsReportedAsMissed()
    {
        var correlation = Guid.NewGuid().ToString();
        await PublishAsync();
        await using var staging = fixture.App.Services.CreateAsyncScope();
        var runtime = staging.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var version = await staging.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().FindAsync("queue-test", "Published", CancellationToken.None);
        var run = await runtime.StartAsync(version!, null, correlation, null, null, null, CancellationToken.None);
        Assert.Equal("Suspended", run!.Instance.SubStatus); // waits on its new (staged, unsaved) bookmark
        Assert.False(await runtime.StimulusMatchingOutdatedAsync(CancellationToken.None));

        await InUnitOfWorkAsync(async (other, _) =>
            Assert.Empty(await other.ResumeAsync(Stimuli.Event("approved"), correlation, null, null, CancellationToken.None)));

        Assert.True(await runtime.StimulusMatchingOutdatedAsync(CancellationToken.None));
        runtime.DiscardStaged();
        Assert.False(await runtime.StimulusMatchingOutdatedAsync(CancellationToken.None));
    }

    /// <summary>The other way round: it queued a stimulus for want of a bookmark, which was committed before its save.</summary>
    [Fact]
    public async Task BookmarkCommittedAfterTheStimulusWasQueued_IsReportedAsOutdated()
    {
        var correlation = Guid.NewGuid().ToString();
        await PublishAsync();
        await using var staging = fixture.App.Services.CreateAsyncScope();
        var runtime = staging.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        Assert.Empty(await runtime.ResumeAsync(Stimuli.Event("approved"), correlation, null, null, CancellationToken.None)); // queued, unsaved
        Assert.False(await runtime.StimulusMatchingOutdatedAsync(CancellationToken.None));

        await InUnitOfWorkAsync(async (other, store) =>
        {
            var version = await store.FindAsync("queue-test", "Published", CancellationToken.None);
            await other.StartAsync(version!, null, correlation, null, null, null, CancellationToken.None);
        });

        Assert.True(await runtime.StimulusMatchingOutdatedAsync(CancellationToken.None));
    }

    private Task PublishAsync() => InUnitOfWorkAsync(async (_, store) =>
    {
        var saved = await store.SaveAsync(Definition, "test", publish: true, CancellationToken.None);
        Assert.True(saved.Published, string.Join("; ", saved.Report.Errors));
    });

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

public sealed class StimulusQueueTestsOnPostgreSql(PostgreSqlFixture postgres) : StimulusQueueTests(postgres), IClassFixture<PostgreSqlFixture>
{
    /// <summary>
    /// Several nodes, read committed: a stimulus arrives while the transaction that creates its bookmark is still open
    /// (it already looked for queued stimuli). Without serialisation per hash the stimulus finds no committed bookmark,
    /// is queued, and nobody looks again: lost. It must wait for the commit and then resume the instance.
    /// </summary>
    [Fact]
    public async Task StimulusDuringTheBookmarksTransaction_WaitsForItsCommit_AndResumesOnce()
    {
        var correlation = Guid.NewGuid().ToString();
        await UnitOfWorkAsync(async (runtime, store, _) =>
        {
            var saved = await store.SaveAsync(Definition, "test", publish: true, CancellationToken.None);
            Assert.True(saved.Published, string.Join("; ", saved.Report.Errors));
        });

        await using var creating = postgres.App.Services.CreateAsyncScope();
        var creatingDb = creating.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        await using var open = await creatingDb.Database.BeginTransactionAsync();
        var version = await creating.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().FindAsync("queue-test", "Published", CancellationToken.None);
        var run = await creating.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(version!, null, correlation, null, null, null, CancellationToken.None);
        await creatingDb.SaveChangesAsync(); // the bookmark row exists, uncommitted

        var stimulus = UnitOfWorkAsync(async (runtime, _, _) =>
            await runtime.ResumeAsync(Stimuli.Event("approved"), correlation, null, null, CancellationToken.None));
        await WaitUntilAsync(async () => stimulus.IsCompleted || await WaitingOnAdvisoryLockAsync(creatingDb));
        await open.CommitAsync();
        await stimulus;

        await using var scope = postgres.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == run!.Instance.Id);
        Assert.Equal("Finished", instance.Status);
        Assert.Equal(1, (await WorkflowJournal.ReadAsync(db, instance.Id)).Count(j => j.ActivityId == "Say1" && j.EventName == "Completed"));
        Assert.False(await db.StimulusQueue.AnyAsync(q => q.CorrelationId == correlation && q.DeliveredAt == null));
    }

    private async Task UnitOfWorkAsync(Func<WorkflowRuntime, WorkflowDefinitionStore, CustomerCasesDbContext, Task> work)
    {
        await using var scope = postgres.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await work(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>(), db);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static async Task<bool> WaitingOnAdvisoryLockAsync(CustomerCasesDbContext db) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() > 0;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // Polls the database's lock table, not the clock: the other transaction either blocks (fixed) or finishes (lost).
        for (var i = 0; i < 600 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
