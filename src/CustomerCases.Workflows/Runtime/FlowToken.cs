namespace CustomerCases.Workflows.Runtime;

/// <summary>A control token on a flowchart connection (ADR 0005): emitted when the source completes with <see cref="Outcome"/>, consumed when the target completes.</summary>
public sealed record FlowToken(string FromActivityId, string Outcome, string ToActivityId, bool Consumed = false);
