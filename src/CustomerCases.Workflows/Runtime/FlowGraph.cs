using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// Connection lookups for one flowchart, with back-edges (loops) told apart from forward edges by a depth-first walk
/// from the start candidates, as Elsa's FlowGraph does. Built once per flowchart definition; every per-activity
/// lookup the token step needs (outbound connections per port, forward inbound connections, merge mode) is computed
/// here once, so running an activity does no graph work beyond a dictionary lookup.
/// </summary>
internal sealed class FlowGraph
{
    private static readonly ConditionalWeakTable<FlowchartDefinition, FlowGraph> Cache = [];
    private readonly Dictionary<string, List<ConnectionDefinition>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConnectionDefinition>> _inbound = new(StringComparer.Ordinal);
    private readonly HashSet<ConnectionDefinition> _backEdges = [];
    private readonly Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);

    // Graphs are shared by concurrent executions; this cache is the only state filled after construction.
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ancestors = new(StringComparer.Ordinal);

    private FlowGraph(FlowchartDefinition flowchart)
    {
        Flowchart = flowchart;
        foreach (var c in flowchart.Connections.Where(c => flowchart.Find(c.SourceId) is not null && flowchart.Find(c.TargetId) is not null))
        {
            Bucket(_outbound, c.SourceId).Add(c);
            Bucket(_inbound, c.TargetId).Add(c);
        }

        FindBackEdges();
        foreach (var activity in flowchart.Activities)
        {
            if (_nodes.ContainsKey(activity.Id)) continue;
            var node = new FlowNode(activity, Outbound(activity.Id), Inbound(activity.Id).Where(c => !_backEdges.Contains(c)).ToArray(),
                MergeModes.Resolve(activity));
            _nodes[activity.Id] = node;
            HasWaitAllActiveJoins |= node.MergeMode == MergeMode.WaitAllActive;
        }

        DefaultStart = FindStart(null);
    }

    public FlowchartDefinition Flowchart { get; }

    /// <summary>Where a run without a trigger starts (see <see cref="FindStart"/>).</summary>
    public ActivityDefinition? DefaultStart { get; }

    /// <summary>True when some activity joins in WaitAllActive mode (only those need re-checking after every step).</summary>
    public bool HasWaitAllActiveJoins { get; }

    public static FlowGraph For(FlowchartDefinition flowchart) => Cache.GetValue(flowchart, f => new FlowGraph(f));

    /// <summary>The precomputed lookups of one activity of this flowchart (the first with that id), or null.</summary>
    public FlowNode? Node(string activityId) => _nodes.GetValueOrDefault(activityId);

    public IReadOnlyList<ConnectionDefinition> Outbound(string activityId) => _outbound.GetValueOrDefault(activityId) ?? (IReadOnlyList<ConnectionDefinition>)[];

    public IReadOnlyList<ConnectionDefinition> Inbound(string activityId) => _inbound.GetValueOrDefault(activityId) ?? (IReadOnlyList<ConnectionDefinition>)[];

    public IReadOnlyList<ConnectionDefinition> ForwardInbound(string activityId) =>
        _nodes.TryGetValue(activityId, out var node) ? node.ForwardInbound : [];

    public bool IsBackEdge(ConnectionDefinition connection) => _backEdges.Contains(connection);

    /// <summary>Every activity that reaches <paramref name="activityId"/> through forward edges.</summary>
    public IReadOnlySet<string> ForwardAncestors(string activityId) => _ancestors.GetOrAdd(activityId, ComputeAncestors);

    private HashSet<string> ComputeAncestors(string activityId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([activityId]);
        while (stack.Count > 0)
        {
            foreach (var c in ForwardInbound(stack.Pop()))
            {
                if (seen.Add(c.SourceId)) stack.Push(c.SourceId);
            }
        }

        seen.Remove(activityId);
        return seen;
    }

    /// <summary>
    /// The activity a run starts at: the trigger, else an <c>Elsa.Start</c>, else the first activity with no inbound
    /// connection, else the first activity.
    /// </summary>
    public ActivityDefinition? FindStart(string? triggerActivityId)
    {
        if (triggerActivityId is not null && Flowchart.Find(triggerActivityId) is { } trigger) return trigger;
        if (DefaultStart is not null) return DefaultStart;
        return Flowchart.Activities.FirstOrDefault(a => a.Type == "Elsa.Start")
            ?? Flowchart.Activities.FirstOrDefault(a => Inbound(a.Id).Count == 0 && !a.CanStartWorkflow)
            ?? Flowchart.Activities.FirstOrDefault(a => Inbound(a.Id).Count == 0)
            ?? Flowchart.Activities.FirstOrDefault();
    }

    private void FindBackEdges()
    {
        // Roots first (no inbound), then anything left, so cycles unreachable from a root still get a back-edge.
        var order = Flowchart.Activities.OrderBy(a => Inbound(a.Id).Count == 0 ? 0 : 1).Select(a => a.Id);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        foreach (var id in order)
        {
            if (!state.ContainsKey(id)) Visit(id, state);
        }
    }

    private void Visit(string id, Dictionary<string, int> state)
    {
        state[id] = 1;
        foreach (var c in Outbound(id))
        {
            var s = state.GetValueOrDefault(c.TargetId);
            if (s == 1) _backEdges.Add(c);
            else if (s == 0) Visit(c.TargetId, state);
        }

        state[id] = 2;
    }

    private static List<ConnectionDefinition> Bucket(Dictionary<string, List<ConnectionDefinition>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }
}
