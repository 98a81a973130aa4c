using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Providers;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerCases.Api.Tests.Hosting;

/// <summary>
/// Migration <c>JournalBatches</c> carries a database's one-row-per-entry journal into batches: every entry, with its
/// payload, message, node and time, reads back through <see cref="WorkflowJournal"/> in sequence order.
/// </summary>
public abstract class JournalBatchesMigrationTests
{
    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    protected abstract CustomerCasesDbContext Open(string connectionString);

    /// <summary>The old table's Timestamp column as the provider stored it.</summary>
    protected abstract object StoredTimestamp(DateTimeOffset at);

    [Fact]
    public async Task OldJournalRows_ReadBackFromBatches_InSequenceOrder()
    {
        await using var database = await CreateDatabaseAsync();
        if (database is null)
        {
            Assert.Skip(TestDatabase.PostgresSkipReason);
        }

        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero);
        await using (var db = Open(database.ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync("SlaAlarmsOnTargets", TestContext.Current.CancellationToken);
            // Inserted out of sequence order, with a payload, a message and a missing node id.
            await InsertOldAsync(db, "i-1", 2, "Say", "WriteLine", "Completed", "{\"text\":\"héllo \\\"quoted\\\"\"}", null, at.AddSeconds(1));
            await InsertOldAsync(db, "i-1", 1, "Say", "WriteLine", "Started", null, "why", at);
            await InsertOldAsync(db, "i-2", 1, "Start1", "Start", "Started", null, null, at);
        }

        await using (var db = Open(database.ConnectionString))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var first = await WorkflowJournal.ReadAsync(db, "i-1", TestContext.Current.CancellationToken);
            var second = await WorkflowJournal.ReadAsync(db, "i-2", TestContext.Current.CancellationToken);

            Assert.Equal([1L, 2L], first.Select(e => e.Sequence));
            Assert.Equal(["Started", "Completed"], first.Select(e => e.EventName));
            Assert.Equal("why", first[0].Message);
            Assert.Null(first[0].Payload);
            Assert.Equal("héllo \"quoted\"", (string?)first[1].Payload?["text"]);
            Assert.Equal(at, first[0].Timestamp);
            Assert.Equal(at.AddSeconds(1), first[1].Timestamp);
            Assert.All(first, e => Assert.Equal(("Say", "WriteLine", "Say-ai", "node/Say"), (e.ActivityId, e.ActivityType, e.ActivityInstanceId, e.ActivityNodeId)));
            Assert.Equal("Start1", Assert.Single(second).ActivityId);
            Assert.Equal(2, await db.WorkflowJournalBatches.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    private Task InsertOldAsync(CustomerCasesDbContext db, string instanceId, long sequence, string activityId, string type, string eventName,
        string? payloadJson, string? message, DateTimeOffset at) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"WorkflowJournal\" (\"InstanceId\", \"Sequence\", \"ActivityInstanceId\", \"ActivityId\", \"ActivityType\", \"ActivityNodeId\", " +
            "\"EventName\", \"Message\", \"PayloadJson\", \"Timestamp\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})",
            [instanceId, sequence, activityId + "-ai", activityId, type, "node/" + activityId, eventName, message!, payloadJson!, StoredTimestamp(at)],
            TestContext.Current.CancellationToken);
}

public sealed class JournalBatchesMigrationTestsOnSqlite : JournalBatchesMigrationTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());

    protected override CustomerCasesDbContext Open(string connectionString) =>
        new SqliteCustomerCasesDbContext(new DbContextOptionsBuilder<SqliteCustomerCasesDbContext>().UseSqlite(connectionString).Options);

    protected override object StoredTimestamp(DateTimeOffset at) => at.UtcTicks;
}

public sealed class JournalBatchesMigrationTestsOnPostgreSql : JournalBatchesMigrationTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();

    protected override CustomerCasesDbContext Open(string connectionString) =>
        new PostgreSqlCustomerCasesDbContext(new DbContextOptionsBuilder<PostgreSqlCustomerCasesDbContext>().UseNpgsql(connectionString).Options);

    protected override object StoredTimestamp(DateTimeOffset at) => at;
}
