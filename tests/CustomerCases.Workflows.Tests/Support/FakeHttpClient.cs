using CustomerCases.Workflows.Ports;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>Answers outbound requests with a canned response and records them.</summary>
internal sealed class FakeHttpClient : IWorkflowHttpClient
{
    public List<WorkflowHttpRequest> Requests { get; } = [];

    public WorkflowHttpResponse Response { get; set; } = new(200, "{\"ok\":true}", "application/json", new Dictionary<string, string>());

    public Task<WorkflowHttpResponse> SendAsync(WorkflowHttpRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(Response);
    }
}
