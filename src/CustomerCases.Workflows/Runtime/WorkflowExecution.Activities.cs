using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>Runs (or resumes) one activity instance and applies its result to the flowchart.</summary>
    private async Task RunActivityAsync(FlowScopeState scope, ActivityDefinition node, string instanceId, Bookmark? bookmark, JsonObject? input)
    {
        // A FlowNode only wraps its body; the node id stays the one the connections use.
        var activity = node.Body ?? node;
        Journal(node.Id, activity.Type, node.NodeId, instanceId, bookmark is null ? JournalEvents.Started : JournalEvents.Resumed);
        if (bookmark is null && activity.Flowchart is { } nested)
        {
            StartNestedScope(scope, node, nested, instanceId);
            return;
        }

        if (Services.Registry.Find(activity.Type) is not { } implementation)
        {
            Fault(scope.ScopeId, node.Id, node, instanceId, $"Unknown activity type '{activity.Type}': it cannot run.", null);
            return;
        }

        var isTrigger = instanceId == _triggerInstanceId;
        var context = new ActivityContext(this, scope, node, Plan.Activity(activity), instanceId, bookmark, isTrigger ? _triggerInput : input, isTrigger);
        ActivityResult result;
        try
        {
            result = bookmark is null ? await implementation.ExecuteAsync(context) : await implementation.ResumeAsync(context);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of an activity becomes an incident; it must never escape the engine.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fault(scope.ScopeId, node.Id, node, instanceId, e.Message, e.GetType().Name);
            return;
        }

        if (context.TriggerDeclined)
        {
            TriggerDeclined = true;
            State.Queue.Clear();
            State.Status = WorkflowStatus.Finished;
            return;
        }

        Apply(scope, node, instanceId, context, result);
    }

    private void Apply(FlowScopeState scope, ActivityDefinition node, string instanceId, ActivityContext context, ActivityResult result)
    {
        var type = (node.Body ?? node).Type;
        switch (result.Kind)
        {
            case ActivityResultKind.Suspended when HasBookmarkOf(instanceId):
                Journal(node.Id, type, node.NodeId, instanceId, JournalEvents.Suspended, payload: JournalPayload.Of(BookmarkPayload(instanceId)));
                return;
            case ActivityResultKind.FinishWorkflow:
                Journal(node.Id, type, node.NodeId, instanceId, JournalEvents.Completed, payload: context.JournalPayloadIfAny);
                FinishWorkflow(WorkflowSubStatus.Finished);
                return;
            case ActivityResultKind.CompleteFlowchart:
                Journal(node.Id, type, node.NodeId, instanceId, JournalEvents.Completed, payload: WithOutcomes(context, result.Outcomes));
                CompleteScope(scope, result.Outcomes);
                return;
            default:
                var outcomes = result.Kind == ActivityResultKind.Completed ? result.Outcomes : ActivityResult.Done.Outcomes;
                // An activity that completes gives up its other bookmarks (e.g. a reply arrived before the timeout).
                if (State.Bookmarks.Count > 0) State.Bookmarks.RemoveAll(b => b.ActivityInstanceId == instanceId);
                Journal(node.Id, type, node.NodeId, instanceId, JournalEvents.Completed, payload: WithOutcomes(context, outcomes));
                OnActivityCompleted(scope, node.Id, outcomes);
                return;
        }
    }

    private void StartNestedScope(FlowScopeState parent, ActivityDefinition owner, FlowchartDefinition flowchart, string instanceId)
    {
        var scope = new FlowScopeState
        {
            ScopeId = instanceId, OwnerActivityId = owner.Id, FlowchartActivityId = flowchart.Id, ParentScopeId = parent.ScopeId,
        };
        State.Scopes.Add(scope);
        if (FlowGraph.For(flowchart).FindStart(null) is { } start) Schedule(scope, start.Id);
    }

    private static JournalPayload WithOutcomes(ActivityContext context, IReadOnlyList<string> outcomes) =>
        context.JournalPayloadIfAny is { } payload ? payload.WithOutcomes(outcomes)
        : ReferenceEquals(outcomes, ActivityResult.Done.Outcomes) ? JournalPayload.DoneOnly
        : new JournalPayload().WithOutcomes(outcomes);

    private bool HasBookmarkOf(string instanceId)
    {
        foreach (var b in State.Bookmarks)
        {
            if (b.ActivityInstanceId == instanceId) return true;
        }

        return false;
    }

    private JsonObject BookmarkPayload(string instanceId) => new()
    {
        ["bookmarks"] = new JsonArray(State.Bookmarks.Where(b => b.ActivityInstanceId == instanceId)
            .Select(b => (JsonNode?)new JsonObject { ["id"] = b.Id, ["name"] = b.Name }).ToArray()),
    };
}
