using System.Security.Claims;
using System.Text.Json.Nodes;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// Retrying a Faulted instance once the cause of its incident is fixed: the faulted activity runs again from where the
/// instance stood (the other waiting activities wait again with their bookmarks and timers).
/// <list type="bullet">
/// <item><c>POST /elsa/api/workflow-instances/{id}/retry</c> <c>{variables?, targetVersion?}</c> — ours: optionally sets
/// variables (a data fix) and moves the instance to another version of its definition (a definition fix) first;
/// answers the instance, 409 <c>instance_not_retryable</c> with every reason when it cannot be retried (not faulted,
/// already retried, activities missing from the target version), 400 for an unknown variable or version. With an
/// <c>Idempotency-Key</c> a repeated request gets the first answer; without one a repeat finds the instance no longer
/// faulted (409): the activity runs once either way.</item>
/// <item><c>POST /elsa/api/alterations/workflows/retry</c> <c>{workflowInstanceIds, activityIds?}</c> — Elsa's shape:
/// <c>{results: [{workflowInstanceId, log: {logEntries}, workflowHasScheduledWork, isSuccessful}]}</c>.</item>
/// </list>
/// </summary>
internal static class RetryInstance
{
    internal sealed record Request(Dictionary<string, JsonNode?>? Variables, int? TargetVersion);

    internal sealed record ElsaRequest(List<string>? WorkflowInstanceIds, List<string>? ActivityIds);

    public static async Task<IResult> HandleAsync(string id, Request? request, HttpContext http, ClaimsPrincipal user, [AsParameters] WorkflowWrite write,
        IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct)
    {
        request ??= new Request(null, null);
        var v = new Validation();
        var key = Idempotency.ReadKey(http.Request, v);
        if (!v.IsValid)
        {
            return v.Problem();
        }

        var scope = $"elsa.retry:{user.KeyId()}";
        var hash = Idempotency.HashOf(new { id, request.Variables, request.TargetVersion }, json.Value.SerializerOptions);
        if (key is not null && await Idempotency.TryReplayAsync(write.Db, scope, key, hash, ct) is { } replay)
        {
            return replay;
        }

        return await write.RunAsync<IResult>(async c =>
        {
            var instance = await write.Runtime.FindInstanceAsync(id, c);
            if (instance is null)
            {
                return ElsaProblems.InstanceNotFound(id);
            }

            WorkflowDefinitionRecord? target = null;
            if (request.TargetVersion is { } number)
            {
                target = await write.Db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == instance.DefinitionId && d.Version == number, c);
                if (target is null)
                {
                    return ElsaProblems.BadRequest("targetVersion", $"Definition '{instance.DefinitionId}' has no version {number}.");
                }
            }

            var (run, problems) = await write.Runtime.RetryAsync(instance, target, request.Variables, c);
            if (run is null)
            {
                return problems.All(p => p.StartsWith("Variable ", StringComparison.Ordinal))
                    ? ElsaProblems.BadRequest("variables", string.Join(" ", problems))
                    : Results.Problem(statusCode: 409, title: "Instance cannot be retried", detail: string.Join(" ", problems),
                        extensions: new Dictionary<string, object?> { ["code"] = "instance_not_retryable", ["problems"] = problems });
            }

            var response = WorkflowStateView.Instance(run.Instance);
            if (key is not null)
            {
                Idempotency.Record(write.Db, scope, key, hash, StatusCodes.Status200OK, null, response, json.Value.SerializerOptions, time.GetUtcNow());
            }

            return Results.Json(response);
        }, ct);
    }

    /// <summary>Elsa's bulk retry; each instance is retried in its own transaction and reported in Elsa's alteration log shape.</summary>
    public static async Task<IResult> ElsaAsync(ElsaRequest? request, [AsParameters] WorkflowWrite write, TimeProvider time, CancellationToken ct)
    {
        if (request?.WorkflowInstanceIds is not { Count: > 0 } ids)
        {
            return ElsaProblems.BadRequest("workflowInstanceIds", "Name at least one workflow instance to retry.");
        }

        var results = new JsonArray();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var (ok, message) = await write.RunAsync<(bool, string)>(async c =>
            {
                var instance = await write.Runtime.FindInstanceAsync(id, c);
                if (instance is null)
                {
                    return (false, $"Workflow instance {id} not found.");
                }

                var state = WorkflowStateSerializer.Deserialize(instance.StateJson);
                if (request.ActivityIds is { Count: > 0 } only && state.RetryPoint is { } point && !only.Contains(point.ActivityId, StringComparer.Ordinal))
                {
                    return (false, $"Activity {point.ActivityId} faulted; none of the requested activities did.");
                }

                var (run, problems) = await write.Runtime.RetryAsync(instance, null, null, c);
                return run is null ? (false, string.Join(" ", problems)) : (true, $"Retried activity {state.RetryPoint!.ActivityId}; the instance is {run.Instance.SubStatus}.");
            }, ct);
            results.Add(new JsonObject
            {
                ["workflowInstanceId"] = id,
                ["log"] = new JsonObject
                {
                    ["logEntries"] = new JsonArray(new JsonObject { ["message"] = message, ["logLevel"] = ok ? "Information" : "Error", ["timestamp"] = time.GetUtcNow() }),
                },
                ["workflowHasScheduledWork"] = false,
                ["isSuccessful"] = ok,
            });
        }

        return Results.Ok(new JsonObject { ["results"] = results });
    }
}
