using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Activities;

public sealed class RuntimeActivityTests
{
    private readonly TestEngine _engine = new();
    private readonly InMemoryWorkflowHost _host;

    public RuntimeActivityTests() => _host = new InMemoryWorkflowHost(_engine);

    [Theory]
    [InlineData("approve", "refund approved")]
    [InlineData("reject", "refund rejected")]
    public async Task RunTask_Completed_ResumesWithResult(string decision, string expected)
    {
        _host.Publish(Fixtures.Load("run-task.json"));
        var started = await _host.StartAsync("run-task");
        var task = Assert.Single(started.Effects.TaskRequests);
        Assert.Equal("ApproveRefund", task.TaskName);
        Assert.Equal(120, task.Payload!["amount"]!.GetValue<int>());
        var bookmark = Assert.Single(started.NewBookmarks);
        Assert.Equal(Stimuli.RunTask(task.TaskId, "ApproveRefund").Hash, bookmark.Hash);
        Assert.Equal(task.TaskId, started.State.ActivityOutputs["RunTask1"]["TaskId"]!.GetValue<string>());

        await _host.CompleteTaskAsync(task.TaskId, decision);

        Assert.Equal([expected], _host.JournalOf("wf-1").Lines());
    }

    [Fact]
    public async Task ExecuteWorkflow_ChildCompletes_ParentGetsChildOutput()
    {
        _host.Publish(Fixtures.Load("parent.json"));
        _host.Publish(Fixtures.Load("child.json"));

        var started = await _host.StartAsync("parent");

        var executeRequest = started.Effects.DispatchRequests[0];
        Assert.True(executeRequest.WaitForCompletion);
        Assert.Equal("child", executeRequest.DefinitionId);
        Assert.Equal("Ada", executeRequest.Input!["name"]!.GetValue<string>());
        Assert.Equal(["parent start", "child ran for Ada", "child said hello Ada", "dispatched", "child ran for Bob"], _host.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, _host.Instances["wf-1"].SubStatus);
        Assert.Equal("wf-1", _host.Instances[executeRequest.ChildInstanceId].ParentInstanceId);
    }

    [Fact]
    public async Task PublishEvent_LocalAndGlobal_ResumesSelfAndStartsListeners()
    {
        _host.Publish(Fixtures.Load("publish-event.json"));
        _host.Publish(Fixtures.Load("event-trigger.json"));

        var started = await _host.StartAsync("publish-event");

        Assert.Equal(2, started.Effects.PublishedEvents.Count);
        Assert.True(started.Effects.PublishedEvents[0].IsLocal);
        Assert.Equal(["got local hi"], _host.JournalOf("wf-1").Lines());
        Assert.Equal(WorkflowSubStatus.Finished, _host.Instances["wf-1"].SubStatus);
        var listener = Assert.Single(_host.Instances.Values, i => i.DefinitionId == "event-trigger");
        Assert.Equal(["order 7"], _host.JournalOf(listener.InstanceId).Lines());
    }

    [Fact]
    public async Task Event_AsTrigger_StartsWithoutWaiting()
    {
        _host.Publish(Fixtures.Load("event-trigger.json"));

        var results = await _host.SendAsync(Stimuli.Event("OrderPlaced"), new JsonObject { ["payload"] = new JsonObject { ["orderId"] = 9 } });

        var result = Assert.Single(results);
        Assert.Equal(["order 9"], result.Lines());
        Assert.Empty(result.NewBookmarks);
    }

    [Fact]
    public async Task Finish_WhileOtherBranchWaits_ClearsBookmarksAndFinishes()
    {
        _host.Publish(Fixtures.Load("finish.json"));
        await _host.StartAsync("finish");
        Assert.Equal(2, _host.Bookmarks.Count);

        await _host.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(_host.Bookmarks);
        Assert.Equal(WorkflowStatus.Finished, _host.Instances["wf-1"].Status);
        Assert.Equal(WorkflowSubStatus.Finished, _host.Instances["wf-1"].SubStatus);
        Assert.Empty(_host.JournalOf("wf-1").Lines());
    }
}
