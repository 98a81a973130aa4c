namespace CustomerCases.Workflows.Definitions;

/// <summary>A declared workflow input (<c>inputs[]</c> of the definition).</summary>
public sealed record WorkflowInputDefinition(string Name, string TypeName, string? DisplayName);
