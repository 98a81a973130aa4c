using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Workflows;

/// <summary>
/// The service is killed while a workflow waits on a Delay and then on a customer reply; after a restart the Delay
/// fires exactly once and the reply resumes exactly once. (Real processes and Hangfire: the wait polls for the
/// effect instead of sleeping a fixed time; timer arithmetic itself is tested with a fake clock elsewhere.)
/// </summary>
public abstract class RestartTests
{
    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    [Fact]
    public async Task Kill_WithDelayAndReplyPending_AfterRestartEachFiresOnce()
    {
        await using var database = await CreateDatabaseAsync() ?? Skip();
        const string key = "restart-test-admin-key";
        var environment = new Dictionary<string, string>
        {
            ["Workflows__DefinitionsFolder"] = Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures"),
            // Timers are under test, not triage: no starter model trained (seconds of CPU) in each of the three processes.
            ["Triage__TrainStarterModelWhenEmpty"] = "false",
        };
        CaseDto created;
        await using (var first = await ServiceProcess.StartAsync(database, key, environment))
        {
            using var client = first.CreateClient(key);
            created = await client.CreateAsync(CaseApi.NewCase(subject: "restart-test " + Guid.NewGuid()));
            await first.KillAsync(); // the 2 s Delay is pending
        }

        await using var second = await ServiceProcess.StartAsync(database, key, environment);
        using var again = second.CreateClient(key);
        var afterDelay = await WaitForAsync(again, created.Id, c => c.Messages!.Any(m => m.Body == "delay fired"));
        Assert.Single(afterDelay.Messages!, m => m.Body == "delay fired");

        await second.KillAsync();
        await using var third = await ServiceProcess.StartAsync(database, key, environment);
        using var client3 = third.CreateClient(key);
        var reply = await client3.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "hello again" });
        reply.EnsureSuccessStatusCode();
        await client3.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "and again" });

        var final = await client3.GetCaseAsync(created.Id);
        Assert.Single(final.Messages!, m => m.Body == "customer resumed");
        Assert.Single(final.Messages!, m => m.Body == "delay fired");
    }

    private static async Task<CaseDto> WaitForAsync(HttpClient client, Guid caseId, Func<CaseDto, bool> condition)
    {
        // Only a failing run waits this long; a passing one returns as soon as the effect is visible (≈ 2–3 s).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var current = await client.GetCaseAsync(caseId);
            if (condition(current) || DateTime.UtcNow > deadline)
            {
                return current;
            }

            await Task.Delay(200);
        }
    }

    private static TestDatabase Skip()
    {
        Assert.Skip(TestDatabase.PostgresSkipReason);
        return null!;
    }
}

public sealed class RestartTestsOnSqlite : RestartTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class RestartTestsOnPostgreSql : RestartTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
