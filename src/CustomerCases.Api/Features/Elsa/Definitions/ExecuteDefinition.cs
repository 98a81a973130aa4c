using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST /elsa/api/workflow-definitions/{definitionId}/execute <c>{input, correlationId, versionOptions, triggerActivityId}</c> — runs a
/// new instance until it finishes or suspends, in one transaction, and answers <c>{workflowState}</c> (500 with the
/// same body when it faulted, as Elsa does). versionOptions defaults to Published; Studio's Run sends Latest.
/// POST .../dispatch — the same run, answered with <c>{workflowInstanceId}</c> only. Our runtime executes in
/// milliseconds and commits atomically, so dispatch runs inline rather than through a job queue: once the answer
/// arrives the instance exists, which a queued dispatch could not promise.
/// </summary>
internal static class ExecuteDefinition
{
    internal sealed record Request(JsonObject? Input, string? CorrelationId, string? VersionOptions, string? TriggerActivityId);

    public static async Task<IResult> ExecuteAsync(string definitionId, Request? request, HttpContext http, [AsParameters] WorkflowWrite write,
        RunnableVersions versions, CancellationToken ct)
    {
        var (run, problem) = await RunAsync(definitionId, request, write, versions, ct);
        if (problem is not null)
        {
            return problem;
        }

        http.Response.Headers["x-elsa-workflow-instance-id"] = run!.Instance.Id;
        var faulted = run.Result.State.SubStatus == WorkflowSubStatus.Faulted;
        return Results.Json(new JsonObject { ["workflowState"] = WorkflowStateView.From(run.Instance, run.Result.State) },
            statusCode: faulted ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
    }

    public static async Task<IResult> DispatchAsync(string definitionId, Request? request, [AsParameters] WorkflowWrite write, RunnableVersions versions, CancellationToken ct)
    {
        var (run, problem) = await RunAsync(definitionId, request, write, versions, ct);
        return problem ?? Results.Ok(new { workflowInstanceId = run!.Instance.Id });
    }

    /// <summary>The run behind both endpoints (and the in-process G4-durable benchmark): find the version, run it read-first (the engine outside the write gate) and commit it in one unit of work.</summary>
    internal static async Task<(InstanceRun? Run, IResult? Problem)> RunAsync(string definitionId, Request? request, WorkflowWrite write,
        RunnableVersions versions, CancellationToken ct)
    {
        var options = Shared.VersionOptions.Parse(request?.VersionOptions, "Published");
        if (options is null)
        {
            return (null, ElsaProblems.BadRequest("versionOptions", $"'{request?.VersionOptions}' is not one of {Shared.VersionOptions.Accepted}."));
        }

        if (request?.CorrelationId is { Length: > 100 })
        {
            return (null, ElsaProblems.BadRequest("correlationId", "must be at most 100 characters."));
        }

        // One connection for the lookup and the unit of work after it: EF would otherwise open and close one for each,
        // and opening a pooled SQLite connection re-registers EF's functions on it (~5 % of a run's CPU, profiled).
        await write.Db.Database.OpenConnectionAsync(ct);
        try
        {
            var version = await options.RunnableAsync(write.Db, versions, definitionId, ct);
            if (version is null)
            {
                return (null, ElsaProblems.DefinitionNotFound(definitionId, options.Text));
            }

            var run = await write.RunReadFirstAsync(c => write.Runtime.StartAsync(version, request?.Input, request?.CorrelationId, request?.TriggerActivityId, null, null, c), ct);
            return run is null
                ? (null, Results.Problem(statusCode: 409, title: "Workflow did not start", detail: "The workflow's start condition declined to start."))
                : (run, null);
        }
        finally
        {
            await write.Db.Database.CloseConnectionAsync();
        }
    }
}
