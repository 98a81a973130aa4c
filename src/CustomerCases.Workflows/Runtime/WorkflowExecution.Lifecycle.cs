using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>After each step: re-check waiting joins, then complete every flowchart left without work (innermost first).</summary>
    private void AfterStep()
    {
        var changed = true;
        while (changed && State.Status == WorkflowStatus.Running)
        {
            changed = false;
            // Nested scopes are added after their parents, so walking backwards completes the innermost first. The list
            // only changes when a scope completes, and the walk starts over then.
            for (var i = State.Scopes.Count - 1; i >= 0; i--)
            {
                var scope = State.Scopes[i];
                ReevaluateWaitingJoins(scope);
                if (ScopeHasPendingWork(scope)) continue;
                CompleteScope(scope, Activities.ActivityResult.Done.Outcomes);
                changed = true;
                break;
            }
        }
    }

    private bool ScopeHasPendingWork(FlowScopeState scope)
    {
        foreach (var q in State.Queue)
        {
            if (q.ScopeId == scope.ScopeId) return true;
        }

        foreach (var b in State.Bookmarks)
        {
            if (b.ScopeId == scope.ScopeId) return true;
        }

        foreach (var s in State.Scopes)
        {
            if (s.ParentScopeId == scope.ScopeId) return true;
        }

        return false;
    }

    /// <summary>Completes a flowchart instance (cancelling what is left in it) and continues in the parent; returns the parent.</summary>
    private FlowScopeState? CompleteScope(FlowScopeState scope, IReadOnlyList<string> outcomes)
    {
        CancelScopeContents(scope);
        State.Scopes.Remove(scope);
        if (scope.ParentScopeId is null || FindScope(scope.ParentScopeId) is not { } parent)
        {
            Journal(scope.OwnerActivityId, "Elsa.Flowchart", null, scope.ScopeId, JournalEvents.Completed);
            FinishWorkflow(WorkflowSubStatus.Finished);
            return null;
        }

        var owner = FlowchartOf(parent).Find(scope.OwnerActivityId);
        Journal(scope.OwnerActivityId, (owner?.Body ?? owner)?.Type ?? "Elsa.Flowchart", owner?.NodeId, scope.ScopeId, JournalEvents.Completed);
        OnActivityCompleted(parent, scope.OwnerActivityId, outcomes);
        return parent;
    }

    private void CancelScopeContents(FlowScopeState scope)
    {
        scope.Tokens.Clear();
        // Usually a scope completes with nothing left in it; the lookups below are only worth building when it has.
        if (!ScopeHasPendingWork(scope)) return;
        var flowchart = FlowchartOf(scope);
        var ids = State.Queue.Where(q => q.ScopeId == scope.ScopeId).Select(q => q.ActivityId)
            .Concat(State.Bookmarks.Where(b => b.ScopeId == scope.ScopeId).Select(b => b.ActivityId))
            .Concat(State.Scopes.Where(s => s.ParentScopeId == scope.ScopeId).Select(s => s.OwnerActivityId))
            .Distinct().ToList();
        foreach (var id in ids) CancelActivity(scope, flowchart.Find(id), id);
    }

    /// <summary>Cancels the pending work of one activity in a scope: queued runs, bookmarks and nested flowcharts.</summary>
    private void CancelActivity(FlowScopeState scope, ActivityDefinition? node, string activityId)
    {
        var type = (node?.Body ?? node)?.Type ?? "";
        var instances = State.Queue.Where(q => q.ScopeId == scope.ScopeId && q.ActivityId == activityId).Select(q => q.ActivityInstanceId)
            .Concat(State.Bookmarks.Where(b => b.ScopeId == scope.ScopeId && b.ActivityId == activityId).Select(b => b.ActivityInstanceId))
            .Distinct().ToList();
        State.Queue.RemoveAll(q => q.ScopeId == scope.ScopeId && q.ActivityId == activityId);
        State.Bookmarks.RemoveAll(b => b.ScopeId == scope.ScopeId && b.ActivityId == activityId);
        foreach (var child in State.Scopes.Where(s => s.ParentScopeId == scope.ScopeId && s.OwnerActivityId == activityId).ToList())
        {
            CancelScopeContents(child);
            State.Scopes.Remove(child);
            instances.Add(child.ScopeId);
        }

        foreach (var instanceId in instances) Journal(activityId, type, node?.NodeId, instanceId, JournalEvents.Cancelled);
    }

    /// <summary>Ends the workflow: all queued work, bookmarks and flowchart instances are dropped.</summary>
    internal void FinishWorkflow(WorkflowSubStatus subStatus)
    {
        if (State.Scopes.Count > 0)
        {
            foreach (var scope in State.Scopes.ToList())
            {
                if (FindScope(scope.ScopeId) is { } live) CancelScopeContents(live);
            }
        }

        State.Queue.Clear();
        State.Bookmarks.Clear();
        State.Scopes.Clear();
        State.Status = WorkflowStatus.Finished;
        State.SubStatus = subStatus;
        State.FinishedAt = Now;
    }

    /// <summary>Records an incident; under the default fault strategy the workflow ends Faulted.</summary>
    private void Fault(string scopeId, string activityId, ActivityDefinition? node, string instanceId, string message, string? exceptionType)
    {
        var type = (node?.Body ?? node)?.Type ?? "";
        var incident = new ActivityIncident(activityId, node?.NodeId, type, message, exceptionType, Now);
        State.Incidents.Add(incident);
        _incidents.Add(incident);
        State.Bookmarks.RemoveAll(b => b.ActivityInstanceId == instanceId);
        Journal(activityId, type, node?.NodeId, instanceId, JournalEvents.Faulted, message);
        Services.Logger.LogIncident(State.InstanceId, activityId, message);
        if (Definition.ContinuesWithIncidents) return;
        KeepRetryPoint(scopeId, activityId);
        FinishWorkflow(WorkflowSubStatus.Faulted);
    }

    /// <summary>Cancels the instance on behalf of the host.</summary>
    public void Cancel(string? reason = null)
    {
        if (State.Status == WorkflowStatus.Finished) return;
        var root = State.Scopes.Find(s => s.ParentScopeId is null);
        FinishWorkflow(WorkflowSubStatus.Cancelled);
        Journal(Definition.Root.Id, "Elsa.Flowchart", null, root?.ScopeId ?? State.InstanceId, JournalEvents.Cancelled, reason ?? "cancelled");
        State.UpdatedAt = Now;
    }

    internal void Journal(string activityId, string type, string? nodeId, string instanceId, string eventName, string? message = null, JournalPayload? payload = null)
    {
        var entry = new JournalEntry(instanceId, activityId, type, nodeId, eventName, Now, ++State.JournalSequence, message, payload);
        _journal.Add(entry);
    }

    /// <summary>The result, given the bookmarks the instance had before this execution. The execution's lists are handed over, not copied.</summary>
    public ExecutionResult BuildResult(IReadOnlyList<Bookmark> originalBookmarks)
    {
        List<Bookmark> created;
        List<Bookmark> burned;
        if (originalBookmarks.Count == 0)
        {
            created = [.. State.Bookmarks];
            burned = [];
        }
        else
        {
            var before = originalBookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            var after = State.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            created = State.Bookmarks.Where(b => !before.Contains(b.Id)).ToList();
            burned = originalBookmarks.Where(b => !after.Contains(b.Id)).ToList();
        }

        return new ExecutionResult
        {
            State = State,
            NewBookmarks = created,
            BurnedBookmarks = burned,
            TimerRequests = created.Count == 0 ? [] : created.Where(b => b.ResumeAt is not null)
                .Select(b => new TimerRequest(State.InstanceId, b.Id, b.Hash, b.ResumeAt!.Value)).ToList(),
            Journal = _journal,
            Incidents = _incidents,
            Effects = PublishedEvents.Count + TaskRequests.Count + DispatchRequests.Count + HttpResponses.Count == 0
                ? WorkflowEffects.None
                : new WorkflowEffects(PublishedEvents, TaskRequests, DispatchRequests, HttpResponses),
            TriggerDeclined = TriggerDeclined,
        };
    }
}
