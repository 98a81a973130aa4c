using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>One activity of a <see cref="FlowGraph"/> with the lookups the token step needs, computed once.</summary>
internal sealed class FlowNode
{
    private readonly Dictionary<string, ConnectionDefinition[]> _outboundByPort = new(StringComparer.Ordinal);

    public FlowNode(ActivityDefinition activity, IReadOnlyList<ConnectionDefinition> outbound, ConnectionDefinition[] forwardInbound, MergeMode mergeMode)
    {
        Activity = activity;
        Outbound = outbound;
        ForwardInbound = forwardInbound;
        MergeMode = mergeMode;
        foreach (var port in outbound.Select(c => c.SourcePort).Distinct(StringComparer.Ordinal))
        {
            _outboundByPort[port] = outbound.Where(c => string.Equals(c.SourcePort, port, StringComparison.Ordinal)).Distinct().ToArray();
        }
    }

    public ActivityDefinition Activity { get; }

    public IReadOnlyList<ConnectionDefinition> Outbound { get; }

    /// <summary>Inbound connections that are not back-edges.</summary>
    public ConnectionDefinition[] ForwardInbound { get; }

    public MergeMode MergeMode { get; }

    /// <summary>The distinct outbound connections on one port, in definition order.</summary>
    public ConnectionDefinition[] OutboundOn(string port) => _outboundByPort.GetValueOrDefault(port) ?? [];
}
