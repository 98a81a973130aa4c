using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>Token step of ADR 0005/0007: emit tokens on the active outcomes, consume inbound ones, schedule targets by merge mode.</summary>
    private void OnActivityCompleted(FlowScopeState scope, string activityId, IReadOnlyList<string> outcomes)
    {
        var graph = FlowGraph.For(FlowchartOf(scope));
        var active = graph.Outbound(activityId).Where(c => outcomes.Contains(c.SourcePort, StringComparer.Ordinal)).Distinct().ToList();
        foreach (var c in active) scope.Tokens.Add(new FlowToken(activityId, c.SourcePort, c.TargetId));
        for (var i = 0; i < scope.Tokens.Count; i++)
        {
            if (scope.Tokens[i] is { Consumed: false } t && t.ToActivityId == activityId) scope.Tokens[i] = t with { Consumed = true };
        }

        foreach (var c in active)
        {
            if (State.Status != WorkflowStatus.Running || FindScope(scope.ScopeId) is null) break;
            if (graph.Flowchart.Find(c.TargetId) is { } target) TrySchedule(scope, graph, target);
        }

        scope.Tokens.RemoveAll(t => t.ToActivityId == activityId && t.Consumed);
    }

    private void TrySchedule(FlowScopeState scope, FlowGraph graph, ActivityDefinition target)
    {
        var mode = MergeModes.Resolve(target);
        if (mode == MergeMode.Cascade)
        {
            Schedule(scope, target.Id);
            return;
        }

        if (IsQueued(scope, target.Id)) return;
        var ready = mode switch
        {
            MergeMode.Race => true,
            MergeMode.Merge => AllHaveTokens(scope, graph.ForwardInbound(target.Id)),
            MergeMode.Converge => AllHaveTokens(scope, graph.Inbound(target.Id)),
            MergeMode.WaitAllActive => WaitAllActiveReady(scope, graph, target.Id),
            _ => !graph.ForwardInbound(target.Id).Any(c => scope.Tokens.Exists(t => !t.Consumed && t.ToActivityId == c.SourceId)),
        };
        if (!ready) return;
        if (mode == MergeMode.Race) CancelAncestors(scope, graph, target.Id);
        Schedule(scope, target.Id);
    }

    /// <summary>Joins in WaitAllActive mode are re-checked after every step: a branch may die without ever arriving.</summary>
    private void ReevaluateWaitingJoins(FlowScopeState scope)
    {
        var graph = FlowGraph.For(FlowchartOf(scope));
        var waiting = scope.Tokens.Where(t => !t.Consumed).Select(t => t.ToActivityId).Distinct().ToList();
        foreach (var targetId in waiting)
        {
            if (graph.Flowchart.Find(targetId) is not { } target || MergeModes.Resolve(target) != MergeMode.WaitAllActive) continue;
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

    private bool IsQueued(FlowScopeState scope, string activityId) =>
        State.Queue.Exists(q => q.ScopeId == scope.ScopeId && q.ActivityId == activityId);

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
