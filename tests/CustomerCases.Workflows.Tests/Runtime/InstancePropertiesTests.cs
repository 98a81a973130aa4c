using System.Text.Json.Nodes;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class InstancePropertiesTests
{
    [Fact]
    public async Task Start_SetNameCorrelateSetOutputSetVariable_UpdateInstance()
    {
        var result = await new TestEngine().RunFixtureAsync("instance-props.json", new JsonObject { ["customer"] = "Acme" });

        Assert.Equal("Refund for Acme", result.State.Name);
        Assert.Equal("case-77", result.State.CorrelationId);
        var summary = result.Output["summary"]!;
        Assert.Equal("instance-1", summary["id"]!.GetValue<string>());
        Assert.Equal("case-77", summary["correlation"]!.GetValue<string>());
        Assert.Equal(41, summary["n"]!.GetValue<long>());
        Assert.Equal(["x42"], result.Lines());
        Assert.Equal(42, result.State.Variables["N"]!.GetValue<long>());
    }

    [Fact]
    public async Task Start_NestedFlowchartCompleteAndFlowNode_ContinueInParent()
    {
        var result = await new TestEngine().RunFixtureAsync("nested.json");

        Assert.Equal(["inner a", "outer approved", "wrapped", "last"], result.Lines());
        Assert.Contains(result.Journal, e => e is { ActivityId: "Inner1", EventName: "Completed" });
        Assert.Empty(result.State.Scopes);
    }
}
