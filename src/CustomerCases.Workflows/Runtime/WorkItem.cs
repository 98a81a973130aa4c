namespace CustomerCases.Workflows.Runtime;

/// <summary>An activity scheduled to run in a flowchart scope.</summary>
public sealed record WorkItem(string ActivityId, string ScopeId, string ActivityInstanceId);
