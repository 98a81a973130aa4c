using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Definitions;

public sealed class WorkflowDefinitionReaderTests
{
    [Fact]
    public void Read_StudioExport_ReadsHeaderActivitiesAndConnections()
    {
        var definition = Fixtures.Load("event-wait.json");

        Assert.Equal("event-wait", definition.DefinitionId);
        Assert.Equal("event-wait-v1", definition.Id);
        Assert.Equal(1, definition.Version);
        Assert.Equal(5, definition.Root.Activities.Count);
        Assert.Contains(new ConnectionDefinition("Waiting", "Done", "Event1", "In"), definition.Root.Connections);
        Assert.Equal("Workflow1:root:Event1", definition.Root.Find("Event1")!.NodeId);
    }

    [Fact]
    public void Read_BomLegacyConnectionsAndActivityFlags_AreUnderstood()
    {
        var definition = Fixtures.Load("legacy-bom.json");

        Assert.Equal(4, definition.Root.Connections.Count);
        Assert.Contains(new ConnectionDefinition("Fork1", "Left", "SetVariable1", "In"), definition.Root.Connections);
        Assert.True(definition.Root.Find("Endpoint1")!.CanStartWorkflow);
        Assert.Equal(3, definition.AllVariables().Count());
    }

    [Fact]
    public async Task Start_LegacyExportWithObjectStringsAndClrTypeNames_RunsWithPlainValues()
    {
        var engine = new TestEngine();

        var result = await engine.RunFixtureAsync("legacy-bom.json");

        Assert.Equal(["right a,b", "left 7"], result.Lines());
        Assert.Equal(7, result.State.Variables["Total"]!.GetValue<long>());
        Assert.Equal(2, engine.Engine.GetTriggers(Fixtures.Load("legacy-bom.json")).Count);
    }

    [Fact]
    public void Read_Elsa2Export_IsRefusedWithClearMessage()
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => Fixtures.Load("elsa2-export.json"));

        Assert.Contains("Elsa 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"definitionId\": \"x\"}")]
    public void Read_NotAWorkflow_ThrowsFormatException(string json) =>
        Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Read(json));

    [Fact]
    public void Read_UnknownTypeAndLanguage_LoadAsPlaceholders()
    {
        var definition = Fixtures.Load("invalid.json");

        Assert.Equal("Acme.SendFax", definition.Root.Find("Mystery1")!.Type);
        Assert.Equal("CSharp", definition.Root.Find("CSharp1")!.GetInput("text")!.Type);
    }

    [Fact]
    public void Write_ReadDefinition_RoundTripsUnchanged()
    {
        var original = JsonNode.Parse(Fixtures.Text("legacy-bom.json").TrimStart('\uFEFF'));

        var written = WorkflowDefinitionWriter.Write(Fixtures.Load("legacy-bom.json"));

        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(written)));
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(WorkflowDefinitionWriter.Write(WorkflowDefinitionReader.Read(written)))));
    }

    [Fact]
    public void Read_ActivityJson_KeepsDesignerMetadata()
    {
        var activity = Fixtures.Load("sequence.json").Root.Find("WriteLine1")!;

        Assert.True(activity.Json.GetProperty("metadata").GetProperty("designer").TryGetProperty("position", out _));
    }
}
