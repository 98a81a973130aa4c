using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;
using static CustomerCases.Workflows.Tests.Support.ElsaJson;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class RetryTests
{
    /// <summary>Start → (Event1 waits for "approved") and (Line1 writes a JavaScript text over the variable Config).</summary>
    private static WorkflowDefinition TwoBranches(string script = "'limit ' + getVariable('Config').limit", int version = 1, bool withLine = true)
    {
        var activities = new JsonArray(Activity("Start1", "Elsa.Start"), Activity("Event1", "Elsa.Event", ("eventName", Expression("Literal", "approved", "String"))));
        var connections = new JsonArray(Connection("Start1", "Event1"));
        if (withLine)
        {
            activities.Add(Activity("Line1", "Elsa.WriteLine", ("text", Expression("JavaScript", script, "String"))));
            connections.Add(Connection("Start1", "Line1"));
        }

        var json = Workflow(activities, connections, new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "Config", ["typeName"] = "Object" }));
        json["id"] = $"test-v{version}";
        json["version"] = version;
        return WorkflowDefinitionReader.Read(json.ToJsonString());
    }

    [Fact]
    public async Task Fault_KeepsRetryPoint_WithTheOtherBranchesBookmark()
    {
        var faulted = await new TestEngine().StartAsync(TwoBranches());

        Assert.Equal(WorkflowSubStatus.Faulted, faulted.State.SubStatus);
        Assert.Empty(faulted.State.Bookmarks);
        var point = Assert.IsType<RetryPoint>(faulted.State.RetryPoint);
        Assert.Equal("Line1", point.ActivityId);
        Assert.Equal("Event1", Assert.Single(point.Bookmarks).ActivityId);
    }

    [Fact]
    public async Task Retry_WithFixedVariable_RunsFaultedActivityOnce_RestoresWaitingBookmark()
    {
        var engine = new TestEngine();
        var definition = TwoBranches();
        var faulted = await engine.StartAsync(definition);
        var waiting = faulted.State.RetryPoint!.Bookmarks.Single();

        var retried = await engine.Engine.RetryAsync(definition, faulted.State, new Dictionary<string, JsonNode?> { ["Config"] = new JsonObject { ["limit"] = 5 } });

        Assert.Equal(["limit 5"], retried.Lines());
        Assert.Equal(WorkflowStatus.Running, retried.State.Status);
        Assert.Equal(WorkflowSubStatus.Suspended, retried.State.SubStatus);
        Assert.Null(retried.State.RetryPoint);
        Assert.Equal(waiting.Id, Assert.Single(retried.NewBookmarks).Id);
        Assert.Contains(retried.Journal, e => e is { ActivityId: "Line1", EventName: JournalEvents.Retried });
        Assert.Single(retried.State.Incidents); // the incident stays on record

        var resumed = await engine.Engine.ResumeAsync(definition, retried.State, ResumeRequest.ById(waiting.Id));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task Retry_SecondTime_IsRefused()
    {
        var engine = new TestEngine();
        var definition = TwoBranches();
        var faulted = await engine.StartAsync(definition);
        var variables = new Dictionary<string, JsonNode?> { ["Config"] = new JsonObject { ["limit"] = 1 } };
        var retried = await engine.Engine.RetryAsync(definition, faulted.State, variables);

        var problems = engine.Engine.CheckRetry(definition, retried.State, variables);

        Assert.Contains("not Faulted", Assert.Single(problems), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Engine.RetryAsync(definition, retried.State, variables));
    }

    [Fact]
    public async Task Retry_CauseNotFixed_FaultsAgainAndCanBeRetriedAgain()
    {
        var engine = new TestEngine();
        var definition = TwoBranches();
        var faulted = await engine.StartAsync(definition);

        var again = await engine.Engine.RetryAsync(definition, faulted.State);

        Assert.Equal(WorkflowSubStatus.Faulted, again.State.SubStatus);
        Assert.Equal(2, again.State.Incidents.Count);
        Assert.Empty(engine.Engine.CheckRetry(definition, again.State));
    }

    [Fact]
    public async Task Retry_OnFixedDefinitionVersion_MigratesAndRunsTheFixedActivity()
    {
        var engine = new TestEngine();
        var faulted = await engine.StartAsync(TwoBranches());
        var fixedVersion = TwoBranches("'fixed'", version: 2);

        var retried = await engine.Engine.RetryAsync(fixedVersion, faulted.State);

        Assert.Equal(["fixed"], retried.Lines());
        Assert.Equal(2, retried.State.DefinitionVersion);
        Assert.Equal("test-v2", retried.State.DefinitionVersionId);
    }

    [Fact]
    public async Task CheckRetry_VersionWithoutTheActivity_OrUnknownVariable_ListsEveryProblem()
    {
        var engine = new TestEngine();
        var faulted = await engine.StartAsync(TwoBranches());

        var problems = engine.Engine.CheckRetry(TwoBranches(version: 3, withLine: false), faulted.State, new Dictionary<string, JsonNode?> { ["Nope"] = 1 });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Line1'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Nope'", StringComparison.Ordinal));
    }
}
