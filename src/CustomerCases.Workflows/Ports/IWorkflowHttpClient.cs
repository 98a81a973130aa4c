namespace CustomerCases.Workflows.Ports;

/// <summary>
/// Outbound HTTP for SendHttpRequest/FlowSendHttpRequest. The engine checks the host against
/// <see cref="WorkflowOptions.AllowedHttpHosts"/> before calling; the host adds timeouts and resilience.
/// </summary>
public interface IWorkflowHttpClient
{
    /// <summary>Sends the request and returns the response (no exception for non-success status codes).</summary>
    Task<WorkflowHttpResponse> SendAsync(WorkflowHttpRequest request, CancellationToken cancellationToken);
}
