using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// A child workflow to start (<c>Elsa.DispatchWorkflow</c>/<c>Elsa.ExecuteWorkflow</c>). The host starts definition
/// <see cref="DefinitionId"/> with instance id <see cref="ChildInstanceId"/>; when <see cref="WaitForCompletion"/>, it
/// resumes the parent with <see cref="Stimuli.ChildCompleted"/> and the child's output once the child finishes.
/// </summary>
public sealed record DispatchRequest(
    string ChildInstanceId,
    string DefinitionId,
    JsonObject? Input,
    string? CorrelationId,
    bool WaitForCompletion,
    string ParentInstanceId,
    string? BookmarkId);
