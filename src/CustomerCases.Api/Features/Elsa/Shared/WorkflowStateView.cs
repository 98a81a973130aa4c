using System.Text.Json.Nodes;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// An instance as Elsa's <c>WorkflowState</c> JSON (camelCase, enums by name): what execute answers and what the
/// instance viewer reads. Built from the engine state, so bookmarks carry their payload (a RunTask's taskId).
/// </summary>
internal static class WorkflowStateView
{
    public static JsonObject From(WorkflowInstanceRecord instance) => From(instance, WorkflowStateSerializer.Deserialize(instance.StateJson));

    public static JsonObject From(WorkflowInstanceRecord instance, WorkflowState state) => new()
    {
        ["id"] = instance.Id,
        ["definitionId"] = instance.DefinitionId,
        ["definitionVersionId"] = instance.DefinitionVersionId,
        ["definitionVersion"] = instance.Version,
        ["correlationId"] = state.CorrelationId,
        ["name"] = state.Name,
        ["parentWorkflowInstanceId"] = state.ParentInstanceId,
        ["status"] = state.Status.ToString(),
        ["subStatus"] = state.SubStatus.ToString(),
        ["bookmarks"] = new JsonArray([.. state.Bookmarks.Select(Bookmark)]),
        ["incidents"] = new JsonArray([.. state.Incidents.Select(Incident)]),
        ["input"] = Dictionary(state.Input),
        ["output"] = Dictionary(state.Output),
        ["variables"] = Dictionary(state.Variables),
        ["properties"] = new JsonObject(),
        ["executionLogSequence"] = state.JournalSequence,
        ["createdAt"] = instance.CreatedAt,
        ["updatedAt"] = instance.UpdatedAt,
        ["finishedAt"] = instance.FinishedAt,
    };

    /// <summary>Elsa's <c>WorkflowInstance</c>: the row's facts with the state inside.</summary>
    public static JsonObject Instance(WorkflowInstanceRecord instance) => new()
    {
        ["id"] = instance.Id,
        ["definitionId"] = instance.DefinitionId,
        ["definitionVersionId"] = instance.DefinitionVersionId,
        ["version"] = instance.Version,
        ["status"] = instance.Status,
        ["subStatus"] = instance.SubStatus,
        ["correlationId"] = instance.CorrelationId,
        ["name"] = instance.Name,
        ["parentWorkflowInstanceId"] = instance.ParentInstanceId,
        ["incidentCount"] = instance.IncidentCount,
        ["createdAt"] = instance.CreatedAt,
        ["updatedAt"] = instance.UpdatedAt,
        ["finishedAt"] = instance.FinishedAt,
        ["workflowState"] = From(instance),
    };

    private static JsonObject Bookmark(Bookmark b) => new()
    {
        ["id"] = b.Id,
        ["name"] = b.Name,
        ["hash"] = b.Hash,
        ["payload"] = b.Payload?.DeepClone(),
        ["activityId"] = b.ActivityId,
        ["activityNodeId"] = b.ActivityNodeId,
        ["activityInstanceId"] = b.ActivityInstanceId,
        ["createdAt"] = b.CreatedAt,
        ["autoBurn"] = true,
        ["metadata"] = b.ResumeAt is { } at ? new JsonObject { ["resumeAt"] = at } : null,
    };

    private static JsonObject Incident(ActivityIncident i) => new()
    {
        ["activityId"] = i.ActivityId,
        ["activityNodeId"] = i.ActivityNodeId,
        ["activityType"] = i.ActivityType,
        ["message"] = i.Message,
        ["exception"] = i.ExceptionType is null ? null : new JsonObject { ["type"] = i.ExceptionType, ["message"] = i.Message },
        ["timestamp"] = i.Timestamp,
    };

    private static JsonObject Dictionary(Dictionary<string, JsonNode?> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }
}
