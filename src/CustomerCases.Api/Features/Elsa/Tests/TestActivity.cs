using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Features.Elsa.Tests;

/// <summary>
/// POST /elsa/api/tests/activities — Studio's activity "Test" tab. The body names a stored version
/// (<c>workflowDefinitionHandle: {definitionVersionId}</c>, or <c>{definitionId, versionOptions}</c>) and one of its
/// activities (<c>activityHandle: {activityId}</c> or <c>{activityNodeId}</c>; Studio sends the version id and the node
/// id). The activity runs on its own with the workflow's variables — and the test values a designer set on them, kept
/// in the definition's <c>customProperties.VariableTestValues</c> — and the answer says what it did:
/// <c>{activityState, outputs, payload, exception, status}</c> (Completed, Running when it waits, Faulted).
/// Nothing is stored: the run has no instance, its bookmarks, timers, tasks, dispatches and events are dropped, and
/// case activities fault, as there is no case. Like Elsa's runner it does run the activity: a SendHttpRequest sends
/// its request (within the configured host allow-list).
/// </summary>
internal static class TestActivity
{
    internal sealed record Response(JsonObject ActivityState, JsonObject? Outputs, JsonObject? Payload, JsonObject? Exception, string Status);

    public static async Task<IResult> HandleAsync(JsonObject? request, CustomerCasesDbContext db, RunnableVersions versions, WorkflowEngine engine, CancellationToken ct)
    {
        if (request?["workflowDefinitionHandle"] is not JsonObject handle)
        {
            return ElsaProblems.BadRequest("workflowDefinitionHandle", "is required: {definitionVersionId} or {definitionId, versionOptions}.");
        }

        var (version, problem) = await FindVersionAsync(handle, db, versions, ct);
        if (problem is not null)
        {
            return problem;
        }

        var activityHandle = request["activityHandle"] as JsonObject;
        var activityId = Text(activityHandle, "activityId");
        var nodeId = Text(activityHandle, "activityNodeId") ?? Text(activityHandle, "nodeId");
        if (activityId is null && nodeId is null)
        {
            return ElsaProblems.BadRequest("activityHandle", "is required: {activityId} or {activityNodeId}.");
        }

        var definition = version!.Definition;
        var activity = definition.AllActivities().FirstOrDefault(a => activityId is not null ? a.Id == activityId : a.NodeId == nodeId);
        if (activity is null)
        {
            return Results.Problem(statusCode: 404, title: "Activity not found",
                detail: $"Version {version.Version} of '{version.DefinitionId}' has no activity '{activityId ?? nodeId}'.");
        }

        if (!TestValues.TryRead(definition, out var testValues))
        {
            return ElsaProblems.BadRequest("customProperties.VariableTestValues", "Invalid variable test values: expected an object of variable id → value.");
        }

        return Results.Ok(await RunAsync(definition, activity, testValues, engine, ct));
    }

    private static async Task<(RunnableVersion? Version, IResult? Problem)> FindVersionAsync(JsonObject handle, CustomerCasesDbContext db,
        RunnableVersions versions, CancellationToken ct)
    {
        if (Text(handle, "definitionVersionId") is { } versionId)
        {
            var found = await versions.FindAsync(versionId, ct);
            return found is null
                ? (null, Results.Problem(statusCode: 404, title: "Workflow definition version not found", detail: $"No workflow definition version has the id '{versionId}'."))
                : (found, null);
        }

        if (Text(handle, "definitionId") is not { } definitionId)
        {
            return (null, ElsaProblems.BadRequest("workflowDefinitionHandle", "names no definitionVersionId or definitionId."));
        }

        var text = Text(handle, "versionOptions");
        var options = VersionOptions.Parse(text, "Latest");
        if (options is null)
        {
            return (null, ElsaProblems.BadRequest("workflowDefinitionHandle.versionOptions", $"'{text}' is not one of {VersionOptions.Accepted}."));
        }

        return await options.RunnableAsync(db, versions, definitionId, ct) is { } version
            ? (version, null)
            : (null, ElsaProblems.DefinitionNotFound(definitionId, options.Text));
    }

    /// <summary>The activity alone in a flowchart of the workflow's variables: it is where the run starts and ends.</summary>
    private static async Task<Response> RunAsync(WorkflowDefinition definition, ActivityDefinition activity,
        IReadOnlyDictionary<string, JsonElement> testValues, WorkflowEngine engine, CancellationToken ct)
    {
        var variables = definition.AllVariables()
            .Select(v => testValues.TryGetValue(v.Id, out var value) || testValues.TryGetValue(v.Name, out value) ? v with { Value = value } : v)
            .ToList();
        var alone = definition with
        {
            Id = $"{definition.Id}:test:{activity.Id}",
            Variables = variables,
            Root = new FlowchartDefinition(definition.Root.Id, [activity], [], []),
        };

        ExecutionResult result;
        try
        {
            result = await engine.StartAsync(alone, new StartRequest("test-" + Guid.NewGuid().ToString("N")), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The engine turns an activity's faults into incidents; what escapes is a definition it cannot run.
            return new Response([], null, null, Fault(ex.GetType().Name, ex.Message), "Faulted");
        }

        var entries = result.Journal.Where(e => e.ActivityId == activity.Id).ToList();
        var incident = result.Incidents.FirstOrDefault(i => i.ActivityId == activity.Id) ?? result.Incidents.FirstOrDefault();
        var completed = entries.LastOrDefault(e => e.EventName == JournalEvents.Completed);
        var status = incident is not null ? "Faulted"
            : completed is not null ? "Completed"
            : result.NewBookmarks.Count > 0 ? "Running"
            : "Pending";
        var outputs = result.State.ActivityOutputs.TryGetValue(activity.Id, out var values)
            ? new JsonObject(values.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
            : null;
        var (state, payload) = StudioExecutionView.From((completed ?? entries.LastOrDefault())?.Payload);
        return new Response(state, outputs, payload,
            incident is null ? null : Fault(incident.ExceptionType ?? "ActivityFault", incident.Message), status);
    }

    private static JsonObject Fault(string type, string message) => new() { ["type"] = type, ["message"] = message };

    private static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
