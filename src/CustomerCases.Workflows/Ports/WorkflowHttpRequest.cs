namespace CustomerCases.Workflows.Ports;

/// <summary>An outbound request built from the activity's inputs.</summary>
public sealed record WorkflowHttpRequest(Uri Url, string Method, string? Content, string? ContentType, IReadOnlyDictionary<string, string> Headers);
