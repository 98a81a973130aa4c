using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Activities;

public sealed class SchedulingActivityTests
{
    private readonly TestEngine _engine = new();
    private readonly InMemoryWorkflowHost _host;

    public SchedulingActivityTests() => _host = new InMemoryWorkflowHost(_engine);

    [Fact]
    public async Task Delay_ClockAdvancedPastDueTime_Resumes()
    {
        _host.Publish(Fixtures.Load("delay.json"));
        var started = await _host.StartAsync("delay");
        var timer = Assert.Single(started.TimerRequests);
        Assert.Equal(_engine.Clock.GetUtcNow().AddMinutes(10), timer.DueAt);

        await _host.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Equal(["before"], _host.JournalOf("wf-1").Lines());

        await _host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["before", "after"], _host.JournalOf("wf-1").Lines());
        Assert.Equal(WorkflowSubStatus.Finished, _host.Instances["wf-1"].SubStatus);
        Assert.Empty(_host.Timers);
    }

    [Fact]
    public async Task WaitAnyJoin_EventBeforeDelay_CancelsDelayBookmarkAndTimer()
    {
        _host.Publish(Fixtures.Load("race-event-delay.json"));
        var started = await _host.StartAsync("race-event-delay");
        Assert.Equal(2, started.NewBookmarks.Count);

        var resumed = Assert.Single(await _host.SendAsync(Stimuli.Event("Approved")));
        await _host.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(["approved", "decided"], _host.JournalOf("wf-1").Lines());
        Assert.Equal(2, resumed.BurnedBookmarks.Count);
        Assert.Contains(resumed.Journal, e => e is { ActivityId: "Delay1", EventName: JournalEvents.Cancelled });
        Assert.Empty(_host.Bookmarks);
        Assert.Empty(_host.Timers);
        Assert.Equal(WorkflowSubStatus.Finished, _host.Instances["wf-1"].SubStatus);
    }

    [Fact]
    public async Task WaitAnyJoin_DelayBeforeEvent_CancelsEventBookmark()
    {
        _host.Publish(Fixtures.Load("race-event-delay.json"));
        await _host.StartAsync("race-event-delay");

        await _host.AdvanceAsync(TimeSpan.FromHours(1));
        var late = await _host.SendAsync(Stimuli.Event("Approved"));

        Assert.Equal(["timed out", "decided"], _host.JournalOf("wf-1").Lines());
        Assert.Empty(late);
        Assert.Empty(_host.Bookmarks);
    }

    [Fact]
    public async Task StartAtTimerCron_InsideInstance_WaitAsScheduled()
    {
        _host.Publish(Fixtures.Load("scheduling.json"));
        var started = await _host.StartAsync("scheduling");
        Assert.Equal(["past start-at passed"], started.Lines());
        Assert.Equal(_engine.Clock.GetUtcNow().AddMinutes(5), Assert.Single(started.TimerRequests).DueAt);

        await _host.AdvanceAsync(TimeSpan.FromMinutes(5));
        var cronTimer = Assert.Single(_host.Timers);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero), cronTimer.DueAt);

        await _host.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal(["past start-at passed", "timer fired", "noon"], _host.JournalOf("wf-1").Lines());
        Assert.Equal(WorkflowStatus.Finished, _host.Instances["wf-1"].Status);
    }
}
