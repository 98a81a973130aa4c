using System.Text.Json.Nodes;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

internal sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Retries a Faulted instance: stages the run of its faulted activity (on <paramref name="targetVersion"/> when given,
    /// else on its own version) with the given variable values. Returns the problems instead when it cannot be retried.
    /// The instance's revision makes two racing retries end with one winner.
    /// </summary>
    public async Task<(InstanceRun? Run, IReadOnlyList<string> Problems)> RetryAsync(WorkflowInstanceRecord instance, WorkflowDefinitionRecord? targetVersion,
        IReadOnlyDictionary<string, JsonNode?>? variables, CancellationToken ct)
    {
        var version = targetVersion ?? await definitions.FindVersionAsync(instance.DefinitionVersionId, ct) ?? throw MissingVersion(instance);
        var definition = definitions.Parse(version);
        var state = WorkflowStateSerializer.Deserialize(instance.StateJson);
        if (engine.CheckRetry(definition, state, variables) is { Count: > 0 } problems)
        {
            return (null, problems);
        }

        var result = await engine.RetryAsync(definition, state, variables, ct);
        instance.DefinitionVersionId = version.Id;
        instance.Version = version.Version;
        await ApplyAsync(instance, result, time.GetUtcNow(), ct);
        return (new InstanceRun(instance, result), []);
    }

    /// <summary>The tracked instance row, for callers that retry or cancel it.</summary>
    public Task<WorkflowInstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken ct) =>
        db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);
}
