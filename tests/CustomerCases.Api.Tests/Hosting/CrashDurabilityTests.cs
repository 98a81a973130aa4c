using System.Net;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Hosting;

/// <summary>"201 means committed": a case acknowledged just before the process is killed is there after a restart.</summary>
public abstract class CrashDurabilityTests
{
    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    [Fact]
    public async Task Intake_ProcessKilledRightAfter201_CaseSurvivesRestart()
    {
        await using var database = await CreateDatabaseAsync() ?? SkipNoDatabase();
        const string key = "crash-test-admin-key";
        CaseDto created;
        await using (var first = await ServiceProcess.StartAsync(database, key))
        {
            using var client = first.CreateClient(key);
            created = await client.CreateAsync();
            await first.KillAsync();
        }

        await using var second = await ServiceProcess.StartAsync(database, key);
        using var again = second.CreateClient(key);
        var response = await again.GetAsync($"/api/cases/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.Number, (await again.GetCaseAsync(created.Id)).Number);
        var next = await again.CreateAsync();
        Assert.NotEqual(created.Number, next.Number); // the sequence survived too
    }

    private static TestDatabase SkipNoDatabase()
    {
        Assert.Skip(TestDatabase.PostgresSkipReason);
        return null!;
    }
}

public sealed class CrashDurabilityTestsOnSqlite : CrashDurabilityTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class CrashDurabilityTestsOnPostgreSql : CrashDurabilityTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
