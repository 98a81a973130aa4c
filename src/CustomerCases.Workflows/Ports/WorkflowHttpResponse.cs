namespace CustomerCases.Workflows.Ports;

/// <summary>The response handed back to the workflow.</summary>
public sealed record WorkflowHttpResponse(int StatusCode, string? Content, string? ContentType, IReadOnlyDictionary<string, string> Headers);
