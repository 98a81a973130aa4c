using System.Net;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.WriteHttpResponse</c>: the response to the request that triggered or resumed this run (an effect).</summary>
internal sealed class WriteHttpResponseActivity : IActivity
{
    public string Type => "Elsa.WriteHttpResponse";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var statusText = await context.EvaluateStringAsync("statusCode");
        var status = int.TryParse(statusText, out var code) ? code
            : Enum.TryParse<HttpStatusCode>(statusText, ignoreCase: true, out var named) ? (int)named
            : 200;
        var content = await context.EvaluateAsync("content");
        var contentType = await context.EvaluateStringAsync("contentType");
        var isJson = content is JsonObject or JsonArray;
        context.Execution.HttpResponses.Add(new HttpResponseEffect(status,
            isJson ? content!.ToJsonString() : JsonValues.AsString(content),
            string.IsNullOrWhiteSpace(contentType) ? (isJson ? "application/json" : "text/plain") : contentType));
        return ActivityResult.Done;
    }
}
