namespace CustomerCases.Workflows.Runtime;

/// <summary>The response written by <c>Elsa.WriteHttpResponse</c> for the request that triggered or resumed the run.</summary>
public sealed record HttpResponseEffect(int StatusCode, string? Content, string ContentType);
