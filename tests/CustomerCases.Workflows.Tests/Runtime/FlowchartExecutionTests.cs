using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class FlowchartExecutionTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Start_Sequence_RunsInOrderAndFinishes()
    {
        var result = await _engine.RunFixtureAsync("sequence.json");

        Assert.Equal(["A", "B"], result.Lines());
        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.Equal(result.Journal.Select(e => e.Sequence), result.Journal.Select(e => e.Sequence).Order());
        Assert.Contains(result.Journal, e => e is { ActivityId: "End1", EventName: JournalEvents.Completed });
    }

    [Theory]
    [InlineData(200, "big")]
    [InlineData(5, "small")]
    public async Task Start_ImplicitJoinAfterDecision_RunsOnceWithoutBlocking(int amount, string branch)
    {
        var result = await _engine.RunFixtureAsync("decision-join-implicit.json", new JsonObject { ["amount"] = amount });

        Assert.Equal([branch, "after"], result.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_WaitAllJoinAfterDecision_NeverFiresAsInElsa()
    {
        var result = await _engine.RunFixtureAsync("decision-join-waitall.json", new JsonObject { ["amount"] = 200 });

        Assert.Equal(["big"], result.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Theory]
    [InlineData("decision-join-waitallactive.json")]
    [InlineData("decision-join-waitany.json")]
    public async Task Start_ActiveOrAnyJoinAfterDecision_Continues(string fixture)
    {
        var result = await _engine.RunFixtureAsync(fixture, new JsonObject { ["amount"] = 200 });

        Assert.Equal(["big", "after"], result.Lines());
    }

    [Theory]
    [InlineData("fork-join-waitall.json")]
    [InlineData("fork-join-waitallactive.json")]
    public async Task Start_ForkThenWaitingJoin_JoinsOnceAfterBothBranches(string fixture)
    {
        var result = await _engine.RunFixtureAsync(fixture);

        Assert.Equal(["A1", "B1", "A2", "joined"], result.Lines());
    }

    [Fact]
    public async Task Start_ForkThenWaitAnyJoin_FirstBranchWinsAndOtherIsCancelled()
    {
        var result = await _engine.RunFixtureAsync("fork-join-waitany.json");

        Assert.Equal(["A1", "B1", "joined"], result.Lines());
        Assert.Contains(result.Journal, e => e is { ActivityId: "A2", EventName: JournalEvents.Cancelled });
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_WaitAllActiveWithDeadBranch_JoinsWhenNoBranchCanArrive()
    {
        var result = await _engine.RunFixtureAsync("fork-join-waitallactive-dead-branch.json");

        Assert.Equal(["A1", "B skipped", "joined"], result.Lines());
    }

    [Theory]
    [InlineData("cascade", new[] { "A1", "B1", "merged", "B2", "merged" })]
    [InlineData("race", new[] { "A1", "merged" })]
    [InlineData("merge", new[] { "A1", "B1", "B2", "merged" })]
    [InlineData("converge", new[] { "A1", "B1", "B2", "merged" })]
    [InlineData("stream", new[] { "A1", "B1", "merged", "B2", "merged" })]
    public async Task Start_MergeModeOnImplicitJoin_FollowsElsaSemantics(string mode, string[] expected)
    {
        var result = await _engine.RunFixtureAsync($"merge-mode-{mode}.json");

        Assert.Equal(expected, result.Lines());
    }

    [Fact]
    public async Task Start_LoopThroughBackEdge_CountsWithVariable()
    {
        var result = await _engine.RunFixtureAsync("loop-counter.json");

        Assert.Equal(["iteration 1", "iteration 2", "iteration 3", "done"], result.Lines());
        Assert.Equal(3, result.State.Variables["Counter"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(200, new[] { "big", "even" })]
    [InlineData(7, new[] { "default" })]
    public async Task Start_FlowSwitchMatchAny_FollowsEveryMatchingCase(int amount, string[] expected)
    {
        var result = await _engine.RunFixtureAsync("switch.json", new JsonObject { ["amount"] = amount });

        Assert.Equal(expected, result.Lines());
    }

    [Fact]
    public async Task Start_WaitAllJoinWithFaultedBranch_BlocksAndFaults()
    {
        var result = await _engine.RunFixtureAsync("fork-decision-waitall-fault.json");

        Assert.Equal(["A", "C", "B", "D"], result.Lines());
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("Fault1", Assert.Single(result.Incidents).ActivityId);
    }

    [Fact]
    public async Task Resume_OutputBoundToVariable_WritesVariable()
    {
        var json = ElsaJson.Sequence(
            ElsaJson.Activity("Task1", "Elsa.RunTask",
                ("taskName", ElsaJson.Expression("Literal", "Review", "String")),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "var-outcome" } })),
            ElsaJson.Activity("Line1", "Elsa.WriteLine", ("text", ElsaJson.Expression("JavaScript", "'outcome: ' + getOutcome()", "String"))));
        var document = JsonNode.Parse(json)!.AsObject();
        document["variables"] = new JsonArray(new JsonObject { ["id"] = "var-outcome", ["name"] = "Outcome", ["typeName"] = "String" });
        var definition = CustomerCases.Workflows.Definitions.WorkflowDefinitionReader.Read(document.ToJsonString());
        var started = await _engine.StartAsync(definition);

        var result = await _engine.Engine.ResumeAsync(definition, started.State,
            ResumeRequest.ById(started.NewBookmarks[0].Id, new JsonObject { ["result"] = "accepted" }));

        Assert.Equal(["outcome: accepted"], result.Lines());
        Assert.Equal("accepted", result.State.Variables["Outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_ManyRunsInParallel_ShareDefinitionAndScriptsSafely()
    {
        var definition = Fixtures.Load("loop-counter.json");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => _engine.Engine.StartAsync(definition, new StartRequest($"instance-{i}")))));

        Assert.All(results, r => Assert.Equal(["iteration 1", "iteration 2", "iteration 3", "done"], r.Lines()));
        Assert.Equal(16, results.Select(r => r.State.InstanceId).Distinct().Count());
    }
}
