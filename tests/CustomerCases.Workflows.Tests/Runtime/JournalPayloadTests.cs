using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

/// <summary>Journal payloads are built when read; their JSON must be what the entry always carried.</summary>
public sealed class JournalPayloadTests
{
    [Fact]
    public async Task Start_SetVariableAndWriteLine_CompletedEntriesCarryDataThenOutcomes()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Set1", "Elsa.SetVariable",
                ("variable", new JsonObject { ["id"] = "v1", ["name"] = "Counter" }), ("value", ElsaJson.Expression("Literal", "5"))),
            ElsaJson.Activity("Line1", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "hello", "String")))));

        var result = await new TestEngine().StartAsync(definition);

        var set = result.Journal.Single(e => e is { ActivityId: "Set1", EventName: JournalEvents.Completed });
        var line = result.Journal.Single(e => e is { ActivityId: "Line1", EventName: JournalEvents.Completed });
        var start = result.Journal.Single(e => e is { ActivityId: "Start1", EventName: JournalEvents.Completed });
        Assert.Equal("""{"variable":"Counter","outcomes":["Done"]}""", set.Payload!.ToJsonString());
        Assert.Equal("""{"text":"hello","outcomes":["Done"]}""", line.Payload!.ToJsonString());
        Assert.Equal("""{"outcomes":["Done"]}""", start.Payload!.ToJsonString());
        Assert.Same(set.Payload, set.Payload);
        Assert.Null(result.Journal.Single(e => e is { ActivityId: "Set1", EventName: JournalEvents.Started }).Payload);
    }

    [Fact]
    public async Task WritePayloadTo_WritesWhatPayloadBuilds_WithoutBuildingIt()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Set1", "Elsa.SetVariable",
                ("variable", new JsonObject { ["id"] = "v1", ["name"] = "Counter" }), ("value", ElsaJson.Expression("Literal", "5"))),
            ElsaJson.Activity("Line1", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "h\u00e9llo \"you\"", "String")))));
        var written = (await new TestEngine().StartAsync(definition)).Journal;
        var built = (await new TestEngine().StartAsync(definition)).Journal;

        foreach (var (entry, twin) in written.Zip(built))
        {
            Assert.Equal(twin.HasPayload, entry.HasPayload);
            var expected = twin.Payload?.ToJsonString() ?? "null";
            Assert.Equal(expected, Write(entry));
            Assert.Equal(expected, Write(entry)); // writing twice changes nothing
        }

        Assert.Contains(written, e => e is { ActivityId: "Line1", EventName: JournalEvents.Completed } && Write(e).Contains("\"text\":", StringComparison.Ordinal));
    }

    private static string Write(JournalEntry entry)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            entry.WritePayloadTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Next_ManyIds_AreDistinctVersion4UuidsInNFormat()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => RandomIds.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id =>
        {
            var guid = Guid.ParseExact(id, "N");
            Assert.Equal(4, guid.Version);
            Assert.Equal(id, guid.ToString("N"));
            Assert.Contains(id[16], "89ab");
        });
    }
}
