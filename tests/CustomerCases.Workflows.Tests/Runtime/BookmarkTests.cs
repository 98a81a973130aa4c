using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class BookmarkTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public void Compute_EventPayload_IsStableSha256OfNameAndCanonicalJson()
    {
        var hash = BookmarkHasher.Compute("Elsa.Event", new JsonObject { ["eventName"] = "Approved" });

        Assert.Equal("C7BBEF8FFDCA1BA0D7BEA26486B285574616813CAE49EC41B8C63BA2D17A1540", hash);
        Assert.Equal(hash, Stimuli.Event("Approved").Hash);
    }

    [Fact]
    public void Compute_PropertyOrderAndNulls_DoNotChangeHash()
    {
        var a = BookmarkHasher.Compute("X", new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["z"] = 1, ["y"] = null } });
        var b = BookmarkHasher.Compute("X", new JsonObject { ["a"] = new JsonObject { ["z"] = 1 }, ["b"] = 1 });

        Assert.Equal(a, b);
        Assert.Equal(BookmarkHasher.Compute("X", null), BookmarkHasher.Compute("X", new JsonObject()));
        Assert.NotEqual(BookmarkHasher.Compute("X", null), BookmarkHasher.Compute("X", null, "instance-1"));
    }

    [Fact]
    public async Task Start_EventActivity_SuspendsWithOneBookmark()
    {
        var result = await _engine.RunFixtureAsync("event-wait.json");

        Assert.Equal(WorkflowStatus.Running, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal("Event1", bookmark.ActivityId);
        Assert.Equal(Stimuli.Event("Approved").Hash, bookmark.Hash);
        Assert.Equal(_engine.Clock.GetUtcNow(), bookmark.CreatedAt);
        Assert.Contains(result.Journal, e => e is { ActivityId: "Event1", EventName: JournalEvents.Suspended });
    }

    [Fact]
    public async Task Resume_ByStimulusAfterJsonRoundTrip_ContinuesAndBurnsBookmark()
    {
        var definition = Fixtures.Load("event-wait.json");
        var started = await _engine.StartAsync(definition);
        var state = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(started.State));

        var resumed = await _engine.Engine.ResumeAsync(definition, state,
            ResumeRequest.ByStimulus(Stimuli.Event("Approved"), new JsonObject { ["payload"] = new JsonObject { ["approver"] = "Kim" } }));

        Assert.Equal(["approved by Kim"], resumed.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Equal(started.NewBookmarks[0].Id, Assert.Single(resumed.BurnedBookmarks).Id);
        Assert.Contains(resumed.Journal, e => e is { ActivityId: "Event1", EventName: JournalEvents.Resumed });
        Assert.True(resumed.Journal[0].Sequence > started.Journal[^1].Sequence);
        Assert.Single(state.Bookmarks); // the caller's state is never changed
    }

    [Fact]
    public async Task Resume_SameStimulusTwice_SecondFindsNoBookmark()
    {
        var definition = Fixtures.Load("event-wait.json");
        var started = await _engine.StartAsync(definition);
        var first = await _engine.Engine.ResumeAsync(definition, started.State, ResumeRequest.ByStimulus(Stimuli.Event("Approved")));

        var second = await _engine.Engine.ResumeAsync(definition, first.State, ResumeRequest.ByStimulus(Stimuli.Event("Approved")));

        Assert.False(first.BookmarkNotFound);
        Assert.True(second.BookmarkNotFound);
        Assert.Empty(second.Journal);
    }

    [Fact]
    public async Task Resume_OtherEventName_DoesNotMatch()
    {
        var definition = Fixtures.Load("event-wait.json");
        var started = await _engine.StartAsync(definition);

        var result = await _engine.Engine.ResumeAsync(definition, started.State, ResumeRequest.ByStimulus(Stimuli.Event("Rejected")));

        Assert.True(result.BookmarkNotFound);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
    }

    [Fact]
    public async Task Resume_ByBookmarkId_ResumesThatBookmark()
    {
        var definition = Fixtures.Load("event-wait.json");
        var started = await _engine.StartAsync(definition);

        var result = await _engine.Engine.ResumeAsync(definition, started.State, ResumeRequest.ById(started.NewBookmarks[0].Id));

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
    }

    [Fact]
    public async Task CancelAsync_SuspendedInstance_BurnsBookmarksAndEndsCancelled()
    {
        var definition = Fixtures.Load("event-wait.json");
        var started = await _engine.StartAsync(definition);

        var result = await _engine.Engine.CancelAsync(definition, started.State);

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Cancelled, result.State.SubStatus);
        Assert.Single(result.BurnedBookmarks);
        Assert.Contains(result.Journal, e => e is { ActivityId: "Event1", EventName: JournalEvents.Cancelled });
    }

    [Fact]
    public void GetTriggers_EventTrigger_ListsNameAndHash()
    {
        var trigger = Assert.Single(_engine.Engine.GetTriggers(Fixtures.Load("event-trigger.json")));

        Assert.Equal("Event1", trigger.ActivityId);
        Assert.Equal("Elsa.Event", trigger.Name);
        Assert.Equal(Stimuli.Event("OrderPlaced").Hash, trigger.Hash);
    }

    [Fact]
    public async Task Send_StimulusBeforeBookmarkExists_IsQueuedAndDeliveredOnCommit()
    {
        var host = new InMemoryWorkflowHost(_engine);
        host.Publish(Fixtures.Load("event-wait.json"));

        var early = await host.SendAsync(Stimuli.Event("Approved"), new JsonObject { ["payload"] = new JsonObject { ["approver"] = "Early" } });
        await host.StartAsync("event-wait");

        Assert.Empty(early);
        Assert.Equal(["waiting", "approved by Early"], host.JournalOf("wf-1").Lines());
        Assert.Empty(host.PendingStimuli);
        Assert.Equal(WorkflowSubStatus.Finished, host.Instances["wf-1"].SubStatus);
    }

    [Fact]
    public async Task Send_QueuedStimulusPastItsTimeToLive_IsDropped()
    {
        var host = new InMemoryWorkflowHost(_engine);
        host.Publish(Fixtures.Load("event-wait.json"));

        await host.SendAsync(Stimuli.Event("Approved"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        await host.StartAsync("event-wait");

        Assert.Equal(WorkflowSubStatus.Suspended, host.Instances["wf-1"].SubStatus);
        Assert.Empty(host.PendingStimuli);
    }
}
