using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    /// <summary>Copies what the fault strategy is about to clear, so a retry can continue from here.</summary>
    private void KeepRetryPoint(string scopeId, string activityId)
    {
        State.RetryPoint = new RetryPoint
        {
            ActivityId = activityId,
            ScopeId = scopeId,
            Scopes = Copy(State.Scopes),
            Queue = Copy(State.Queue),
            Bookmarks = Copy(State.Bookmarks),
        };
    }

    /// <summary>
    /// Why this state cannot be retried on this definition (empty when it can): it must be Faulted with a retry point,
    /// and every flowchart, queued activity, waiting activity and the faulted one must exist in the definition (which
    /// may be a newer version with the fix).
    /// </summary>
    public List<string> CheckRetry(IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var problems = new List<string>();
        if (State.SubStatus != WorkflowSubStatus.Faulted || State.RetryPoint is not { } point)
        {
            problems.Add(State.SubStatus == WorkflowSubStatus.Faulted
                ? "The instance faulted before retries were recorded; it cannot be retried."
                : $"The instance is {State.Status}/{State.SubStatus}, not Faulted; only a faulted instance can be retried.");
            return problems;
        }

        foreach (var scope in point.Scopes)
        {
            if (!Plan.TryGetGraph(scope.FlowchartActivityId, out var graph))
            {
                problems.Add($"Flowchart '{scope.FlowchartActivityId}' does not exist in version {Definition.Version}.");
                continue;
            }

            var needed = point.Queue.Where(q => q.ScopeId == scope.ScopeId).Select(q => q.ActivityId)
                .Concat(point.Bookmarks.Where(b => b.ScopeId == scope.ScopeId).Select(b => b.ActivityId))
                .Concat(point.Scopes.Where(s => s.ParentScopeId == scope.ScopeId).Select(s => s.OwnerActivityId))
                .Concat(point.ScopeId == scope.ScopeId ? [point.ActivityId] : []);
            problems.AddRange(needed.Distinct().Where(id => graph.Flowchart.Find(id) is null)
                .Select(id => $"Activity '{id}' does not exist in version {Definition.Version}."));
        }

        if (point.Scopes.All(s => s.ScopeId != point.ScopeId)) problems.Add("The faulted activity's flowchart instance is missing from the retry point.");
        problems.AddRange((variables ?? new Dictionary<string, JsonNode?>()).Keys.Where(name => DeclaredName(name) is null)
            .Select(name => $"Variable '{name}' is not declared by version {Definition.Version}."));
        return problems;
    }

    /// <summary>
    /// Puts the instance back where it faulted (on this definition version, with the given variable values) and runs
    /// the faulted activity again; the other activities that were waiting wait again with their bookmarks and timers.
    /// </summary>
    public async Task RetryAsync(IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (CheckRetry(variables) is { Count: > 0 } problems) throw new InvalidOperationException(string.Join(" ", problems));
        var point = State.RetryPoint!;
        State.RetryPoint = null;
        State.DefinitionVersionId = Definition.Id;
        State.DefinitionVersion = Definition.Version;
        State.Status = WorkflowStatus.Running;
        State.SubStatus = WorkflowSubStatus.Executing;
        State.FinishedAt = null;
        State.Scopes = point.Scopes;
        State.Queue = point.Queue;
        State.Bookmarks = point.Bookmarks;
        foreach (var (name, value) in variables ?? new Dictionary<string, JsonNode?>()) State.Variables[DeclaredName(name)!] = value?.DeepClone();

        var scope = FindScope(point.ScopeId)!;
        var node = FlowchartOf(scope).Find(point.ActivityId)!;
        var item = new WorkItem(point.ActivityId, point.ScopeId, NewId());
        State.Queue.Insert(0, item);
        Journal(node.Id, (node.Body ?? node).Type, node.NodeId, item.ActivityInstanceId, JournalEvents.Retried);
        await DrainAsync();
    }

    /// <summary>The declared variable a name means: exact, else the one variable that differs only in case (JSON clients camelCase keys).</summary>
    private string? DeclaredName(string name)
    {
        if (FindVariable(name) is { } exact) return exact.Name;
        var matches = VariableDefinitions.Where(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Name : null;
    }

    private static List<T> Copy<T>(List<T> items) =>
        JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(items, WorkflowStateSerializer.Options), WorkflowStateSerializer.Options) ?? [];
}
