using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using EngineStimuli = CustomerCases.Workflows.Runtime.Stimuli;

namespace CustomerCases.Api.Features.Elsa.Http;

/// <summary>
/// Requests to <c>/workflows/{**path}</c> (Elsa's default base path) are the HttpEndpoint stimulus
/// <c>{path, method}</c>: open HttpEndpoint bookmarks are resumed and published HttpEndpoint triggers start new
/// instances, in one transaction; the answer is the first response a WriteHttpResponse activity wrote (204 when none
/// did, 500 problem when the workflow faulted without answering). These endpoints are public by design, as in Elsa:
/// anonymous callers reach only paths a published workflow (or a waiting instance) declared — anything else is 404,
/// and the caller's Authorization and Cookie headers are never handed to the workflow. Paths match literally
/// (case-insensitive) first; when none does, route templates such as <c>orders/{id}</c> are tried
/// (<see cref="HttpRouteTemplates"/>) and their values reach the workflow as HttpEndpoint's <c>RouteData</c>.
/// </summary>
internal static class HttpWorkflowRequest
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie", "Proxy-Authorization" };

    public static async Task<IResult> HandleAsync(string? path, HttpContext http, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore definitions, CancellationToken ct)
    {
        var method = http.Request.Method;
        var db = write.Db;
        var literal = EngineStimuli.HttpEndpoint(path ?? "", method);
        var literalHash = literal.Hash;
        var matched = await db.WorkflowTriggers.AnyAsync(t => t.Hash == literalHash, ct) || await db.Bookmarks.AnyAsync(b => b.Hash == literalHash, ct)
            ? [new HttpRouteTemplates.Match(literal.Payload!["path"]!.GetValue<string>(), new JsonObject())]
            : await HttpRouteTemplates.FindAsync(db, path ?? "", method, http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Routing.IInlineConstraintResolver>(), ct);
        if (matched.Count == 0)
        {
            return Results.Problem(statusCode: 404, title: "No workflow handles this request",
                detail: $"No published workflow has an HTTP endpoint for {method} /workflows/{path}.");
        }

        JsonObject request;
        try
        {
            request = await ReadRequestAsync(http, path ?? "", ct);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: 400, title: "Unreadable request", detail: $"The body is declared as JSON but is not valid JSON: {e.Message}");
        }

        var runs = await write.RunAsync(async c =>
        {
            var all = new List<InstanceRun>();
            foreach (var match in matched)
            {
                var stimulus = EngineStimuli.HttpEndpoint(match.Template, method);
                var hash = stimulus.Hash;
                var input = (JsonObject)request.DeepClone();
                input["routeData"] = match.RouteData.DeepClone();
                all.AddRange(await write.Runtime.ResumeAsync(stimulus, null, null, input, c, queueIfUnmatched: false));
                var triggers = await db.WorkflowTriggers.AsNoTracking().Where(t => t.Hash == hash).OrderBy(t => t.DefinitionId).ToListAsync(c);
                foreach (var trigger in triggers)
                {
                    if (await definitions.FindVersionAsync(trigger.DefinitionVersionId, c) is { } version
                        && await write.Runtime.StartAsync(version, (JsonObject)input.DeepClone(), null, trigger.ActivityId, (JsonObject)input.DeepClone(), null, c) is { } run)
                    {
                        all.Add(run);
                    }
                }
            }

            return all;
        }, ct);

        if (runs.SelectMany(r => r.Result.Effects.HttpResponses).FirstOrDefault() is { } response)
        {
            http.Response.Headers["x-elsa-workflow-instance-id"] = runs.First(r => r.Result.Effects.HttpResponses.Count > 0).Instance.Id;
            return Results.Text(response.Content ?? "", response.ContentType, statusCode: response.StatusCode);
        }

        return runs.Any(r => r.Result.State.SubStatus == WorkflowSubStatus.Faulted)
            ? Results.Problem(statusCode: 500, title: "Workflow faulted", detail: "The workflow handling this request faulted before writing a response; see its incidents.")
            : Results.NoContent();
    }

    /// <summary>The request as HttpEndpoint's input: <c>{method, path, body, query, headers, routeData}</c>.</summary>
    private static async Task<JsonObject> ReadRequestAsync(HttpContext http, string path, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(ct);
        JsonNode? body = string.IsNullOrEmpty(text) ? null
            : http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? JsonNode.Parse(text)
            : JsonValue.Create(text);
        var query = new JsonObject();
        foreach (var (key, value) in http.Request.Query)
        {
            query[key] = value.Count == 1 ? value[0] : new JsonArray([.. value.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        var headers = new JsonObject();
        foreach (var (key, value) in http.Request.Headers.Where(h => !SecretHeaders.Contains(h.Key)))
        {
            headers[key] = value.ToString();
        }

        return new JsonObject
        {
            ["method"] = http.Request.Method,
            ["path"] = "/" + path.Trim('/'),
            ["body"] = body,
            ["query"] = query,
            ["headers"] = headers,
            ["routeData"] = new JsonObject(), // filled per matched template
        };
    }
}
