namespace CustomerCases.Workflows.Definitions;

/// <summary>A flowchart edge from an outbound port (outcome) of one activity to an inbound port of another.</summary>
public sealed record ConnectionDefinition(string SourceId, string SourcePort, string TargetId, string TargetPort);
