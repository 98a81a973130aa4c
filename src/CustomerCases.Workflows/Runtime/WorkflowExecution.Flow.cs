using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>Token step of ADR 0005/0007: emit tokens on the active outcomes, consume inbound ones, schedule targets by merge mode.</summary>
    private void OnActivityCompleted(FlowScopeState scope, string activityId, IReadOnlyList<string> outcomes)
    {
        var graph = GraphOf(scope);
        var active = ActiveConnections(graph.Node(activityId), outcomes);
        foreach (var c in active) scope.Tokens.Add(new FlowToken(activityId, c.SourcePort, c.TargetId));
        // The completion consumes every token into this activity. A consumed token is never looked at again (every check
        // skips it, and this step used to delete it at its end), so it is deleted now instead of being marked first.
        for (var i = scope.Tokens.Count - 1; i >= 0; i--)
        {
            if (scope.Tokens[i].ToActivityId == activityId) scope.Tokens.RemoveAt(i);
        }

        foreach (var c in active)
        {
            if (State.Status != WorkflowStatus.Running || FindScope(scope.ScopeId) is null) break;
            if (graph.Node(c.TargetId) is { } target) TrySchedule(scope, graph, target);
        }
    }

    /// <summary>The distinct outbound connections on the given outcome ports, in definition order.</summary>
    private static IReadOnlyList<ConnectionDefinition> ActiveConnections(FlowNode? node, IReadOnlyList<string> outcomes)
    {
        if (node is null || outcomes.Count == 0) return [];
        if (outcomes.Count == 1) return node.OutboundOn(outcomes[0]);
        var active = new List<ConnectionDefinition>();
        foreach (var c in node.Outbound)
        {
            if (outcomes.Contains(c.SourcePort, StringComparer.Ordinal) && !active.Contains(c)) active.Add(c);
        }

        return active;
    }

    private void TrySchedule(FlowScopeState scope, FlowGraph graph, FlowNode target)
    {
        var id = target.Activity.Id;
        var mode = target.MergeMode;
        if (mode == MergeMode.Cascade)
        {
            Schedule(scope, id);
            return;
        }

        if (IsQueued(scope, id)) return;
        var ready = mode switch
        {
            MergeMode.Race => true,
            MergeMode.Merge => AllHaveTokens(scope, target.ForwardInbound),
            MergeMode.Converge => AllHaveTokens(scope, graph.Inbound(id)),
            MergeMode.WaitAllActive => WaitAllActiveReady(scope, graph, id),
            _ => !AnySourceAwaitsToken(scope, target.ForwardInbound),
        };
        if (!ready) return;
        if (mode == MergeMode.Race) CancelAncestors(scope, graph, id);
        Schedule(scope, id);
    }

    /// <summary>Stream mode waits while one of its forward sources still has an unconsumed token coming in.</summary>
    private static bool AnySourceAwaitsToken(FlowScopeState scope, ConnectionDefinition[] forwardInbound)
    {
        foreach (var c in forwardInbound)
        {
            foreach (var t in scope.Tokens)
            {
                if (!t.Consumed && t.ToActivityId == c.SourceId) return true;
            }
        }

        return false;
    }

    /// <summary>Joins in WaitAllActive mode are re-checked after every step: a branch may die without ever arriving.</summary>
    private void ReevaluateWaitingJoins(FlowScopeState scope)
    {
        var graph = GraphOf(scope);
        if (!graph.HasWaitAllActiveJoins || scope.Tokens.Count == 0) return;
        var waiting = scope.Tokens.Where(t => !t.Consumed).Select(t => t.ToActivityId).Distinct().ToList();
        foreach (var targetId in waiting)
        {
            if (graph.Node(targetId) is not { MergeMode: MergeMode.WaitAllActive }) continue;
            if (!IsQueued(scope, targetId) && WaitAllActiveReady(scope, graph, targetId)) Schedule(scope, targetId);
        }
    }

    private bool AllHaveTokens(FlowScopeState scope, IReadOnlyList<ConnectionDefinition> inbound) =>
        inbound.Count <= 1 || inbound.All(c => HasToken(scope, c));

    private static bool HasToken(FlowScopeState scope, ConnectionDefinition c) =>
        scope.Tokens.Exists(t => !t.Consumed && t.FromActivityId == c.SourceId && t.Outcome == c.SourcePort && t.ToActivityId == c.TargetId);

    private bool WaitAllActiveReady(FlowScopeState scope, FlowGraph graph, string targetId)
    {
        var inbound = graph.ForwardInbound(targetId);
        return inbound.Any(c => HasToken(scope, c))
            && inbound.All(c => HasToken(scope, c) || !IsAlive(scope, graph, c.SourceId));
    }

    /// <summary>Whether a branch can still deliver: the source or one of its forward ancestors has pending work.</summary>
    private bool IsAlive(FlowScopeState scope, FlowGraph graph, string activityId)
    {
        return HasPendingWork(scope, activityId) || graph.ForwardAncestors(activityId).Any(id => HasPendingWork(scope, id));
    }

    private bool HasPendingWork(FlowScopeState scope, string activityId) =>
        IsQueued(scope, activityId)
        || State.Bookmarks.Exists(b => b.ScopeId == scope.ScopeId && b.ActivityId == activityId)
        || State.Scopes.Exists(s => s.ParentScopeId == scope.ScopeId && s.OwnerActivityId == activityId)
        || scope.Tokens.Exists(t => !t.Consumed && t.ToActivityId == activityId);

    private bool IsQueued(FlowScopeState scope, string activityId)
    {
        foreach (var q in State.Queue)
        {
            if (q.ScopeId == scope.ScopeId && q.ActivityId == activityId) return true;
        }

        return false;
    }

    /// <summary>Race (FlowJoin WaitAny): the other inbound branches lose; their queued work, bookmarks and tokens go.</summary>
    private void CancelAncestors(FlowScopeState scope, FlowGraph graph, string targetId)
    {
        foreach (var id in graph.ForwardAncestors(targetId))
        {
            CancelActivity(scope, graph.Flowchart.Find(id), id);
            scope.Tokens.RemoveAll(t => !t.Consumed && t.ToActivityId == id);
        }
    }
}
