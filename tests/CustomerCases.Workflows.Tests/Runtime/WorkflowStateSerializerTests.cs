using System.Text.Json;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class WorkflowStateSerializerTests
{
    [Fact]
    public async Task Serialize_SuspendedState_RoundTripsEveryPart()
    {
        var result = await new TestEngine().RunFixtureAsync("race-event-delay.json");
        var json = WorkflowStateSerializer.Serialize(result.State);

        var copy = WorkflowStateSerializer.Deserialize(json);

        Assert.Equal(json, WorkflowStateSerializer.Serialize(copy));
        Assert.Contains("\"subStatus\":\"Suspended\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
        Assert.Equal(2, copy.Bookmarks.Count);
        Assert.NotNull(copy.Bookmarks.Single(b => b.Name == "Elsa.Delay").ResumeAt);
    }

    [Fact]
    public void Deserialize_NewerSchemaVersion_IsRefused() =>
        Assert.Throws<JsonException>(() => WorkflowStateSerializer.Deserialize("{\"schemaVersion\": 99}"));
}
