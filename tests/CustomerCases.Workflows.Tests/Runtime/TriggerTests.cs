using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class TriggerTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public void GetTriggers_EveryTriggerKind_ListedWithNamePayloadAndHash()
    {
        var triggers = _engine.Engine.GetTriggers(Fixtures.Load("triggers.json"));

        Assert.Equal(["Timer1", "Cron1", "StartAt1", "Event1", "Http1", "Http1", "Created1"], triggers.Select(t => t.ActivityId));
        Assert.Equal("00:15:00", triggers[0].Payload!["interval"]!.GetValue<string>());
        Assert.Equal("0 0 8 * * MON-FRI", triggers[1].Payload!["cronExpression"]!.GetValue<string>());
        Assert.Equal("2026-02-01T10:00:00.0000000+00:00", triggers[2].Payload!["executeAt"]!.GetValue<string>());
        Assert.Equal(Stimuli.Event("CaseEscalated").Hash, triggers[3].Hash);
        Assert.Equal(Stimuli.HttpEndpoint("cases/escalate", "POST").Hash, triggers[4].Hash);
        Assert.Equal(Stimuli.HttpEndpoint("cases/escalate", "PUT").Hash, triggers[5].Hash);
        Assert.Equal(Stimuli.CaseCreated().Hash, triggers[6].Hash);
        Assert.All(triggers, t => Assert.Equal(BookmarkHasher.Compute(t.Name, t.Payload), t.Hash));
        Assert.All(triggers, t => Assert.Equal("triggers", t.DefinitionId));
    }

    [Theory]
    [InlineData("Timer1")]
    [InlineData("Cron1")]
    [InlineData("StartAt1")]
    [InlineData("Created1")]
    public async Task StartAsync_FromTrigger_TriggerCompletesWithoutWaiting(string trigger)
    {
        var result = await _engine.StartAsync(Fixtures.Load("triggers.json"), trigger: trigger);

        Assert.Equal(["go"], result.Lines());
        Assert.Empty(result.NewBookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(trigger, result.Journal.First(e => e.EventName == JournalEvents.Started && e.ActivityType != "Elsa.Flowchart").ActivityId);
    }

    [Fact]
    public async Task HttpEndpoint_InsideInstance_WaitsThenSendsAndSwitchesMatchFirst()
    {
        _engine.Options.AllowedHttpHosts.Add("hooks.example.com");
        var definition = Fixtures.Load("http-wait.json");
        var started = await _engine.StartAsync(definition);
        var bookmark = Assert.Single(started.NewBookmarks);
        Assert.Equal(Stimuli.HttpEndpoint("approvals/confirm", "POST").Hash, bookmark.Hash);

        var result = await _engine.Engine.ResumeAsync(definition, started.State,
            ResumeRequest.ByStimulus(Stimuli.HttpEndpoint("approvals/confirm", "POST"), new JsonObject { ["body"] = new JsonObject { ["approved"] = true } }));

        Assert.Equal(["approved"], result.Lines());
        var request = Assert.Single(_engine.Http.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("{\"approved\":true}", request.Content);
        Assert.Equal(200, result.State.ActivityOutputs["Send1"]["StatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Journal_Entries_CarryClockTimeNodeIdAndIncreasingSequence()
    {
        var result = await _engine.RunFixtureAsync("sequence.json");

        Assert.All(result.Journal, e => Assert.Equal(_engine.Clock.GetUtcNow(), e.Timestamp));
        Assert.Equal(Enumerable.Range(1, result.Journal.Count).Select(i => (long)i), result.Journal.Select(e => e.Sequence));
        var writeLine = result.Journal.Single(e => e is { ActivityId: "WriteLine1", EventName: JournalEvents.Completed });
        Assert.Equal("Workflow1:root:WriteLine1", writeLine.ActivityNodeId);
        Assert.Equal("A", writeLine.Payload!["text"]!.GetValue<string>());
        Assert.Equal(
            [JournalEvents.Started, JournalEvents.Completed],
            result.Journal.Where(e => e.ActivityId == "WriteLine1").Select(e => e.EventName));
    }
}
