using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>Starts a new instance.</summary>
/// <param name="InstanceId">The new instance id (chosen by the host).</param>
/// <param name="Input">Workflow input (<c>getInput</c>).</param>
/// <param name="CorrelationId">Correlation id; for case workflows the case id.</param>
/// <param name="TriggerActivityId">The trigger activity that fired, if started by a trigger.</param>
/// <param name="TriggerInput">The stimulus input for the trigger activity (e.g. the HTTP request).</param>
/// <param name="ParentInstanceId">The parent instance when started as a child workflow.</param>
public sealed record StartRequest(
    string InstanceId,
    JsonObject? Input = null,
    string? CorrelationId = null,
    string? TriggerActivityId = null,
    JsonObject? TriggerInput = null,
    string? ParentInstanceId = null);
