using CustomerCases.Workflows.Ports;

namespace CustomerCases.Api.Workflows;

/// <summary>Outbound HTTP for SendHttpRequest activities (the engine checks the host allow-list before calling).</summary>
internal sealed class HttpWorkflowClient(HttpClient http) : IWorkflowHttpClient
{
    public async Task<WorkflowHttpResponse> SendAsync(WorkflowHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Content is not null)
        {
            message.Content = new StringContent(request.Content, System.Text.Encoding.UTF8, request.ContentType ?? "application/json");
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new WorkflowHttpResponse((int)response.StatusCode, content, response.Content.Headers.ContentType?.ToString(), headers);
    }
}
