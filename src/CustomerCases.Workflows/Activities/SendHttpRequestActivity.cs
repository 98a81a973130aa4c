using System.Text.Json.Nodes;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.SendHttpRequest</c> (outcome Done) and <c>Elsa.FlowSendHttpRequest</c> (an outcome per expected status code,
/// else <c>Unmatched status code</c>). Calls go through <see cref="IWorkflowHttpClient"/> and only to allowed hosts.
/// </summary>
internal sealed class SendHttpRequestActivity(string type, bool flow) : IActivity
{
    public const string UnmatchedOutcome = "Unmatched status code";

    public string Type { get; } = type;

    public IReadOnlyList<string> RequiredInputs => ["url"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var urlText = await context.EvaluateStringAsync("url");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new WorkflowFaultException($"'{urlText}' is not an absolute http(s) URL.");
        if (!context.Options.AllowedHttpHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            throw new WorkflowFaultException($"Host '{url.Host}' is not in the workflow HTTP allow-list.");
        var client = context.GetService<IWorkflowHttpClient>()
            ?? throw new WorkflowFaultException("No IWorkflowHttpClient is registered by the host.");
        var method = (await context.EvaluateStringAsync("method"))?.ToUpperInvariant() ?? "GET";
        var content = await context.EvaluateAsync("content");
        var headers = (await context.EvaluateAsync("requestHeaders")) as JsonObject;
        var request = new WorkflowHttpRequest(url, method,
            content is JsonObject or JsonArray ? content.ToJsonString() : JsonValues.AsString(content),
            await context.EvaluateStringAsync("contentType"),
            headers?.ToDictionary(h => h.Key, h => JsonValues.AsString(h.Value) ?? "") ?? []);
        var response = await client.SendAsync(request, context.CancellationToken);
        context.SetOutput("StatusCode", JsonValue.Create(response.StatusCode));
        context.SetOutput("ResponseHeaders", new JsonObject(response.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))));
        context.SetOutput("ParsedContent", JsonValues.ParseEmbedded(response.Content));
        context.JournalPayload.Set("statusCode", response.StatusCode);
        if (!flow) return ActivityResult.Done;
        var expected = JsonValues.AsStringList(await context.EvaluateAsync("expectedStatusCodes"));
        var code = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ActivityResult.Completed(expected.Contains(code) ? code : UnmatchedOutcome);
    }
}
