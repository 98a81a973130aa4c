using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Lookups behind <c>getOutputFrom</c> and <c>getLastResult</c>.</summary>
internal static class ActivityOutputs
{
    /// <summary>An activity's output by activity id or name; without an output name, its <c>Result</c> or its only output.</summary>
    public static JsonNode? Find(WorkflowExecution execution, string activityIdOrName, string? outputName)
    {
        var id = execution.State.ActivityOutputs.ContainsKey(activityIdOrName)
            ? activityIdOrName
            : execution.Definition.AllActivities().FirstOrDefault(a => a.Name == activityIdOrName)?.Id;
        if (id is null || !execution.State.ActivityOutputs.TryGetValue(id, out var outputs)) return null;
        return Pick(outputs, outputName);
    }

    public static JsonNode? Last(WorkflowExecution execution) =>
        execution.State.LastResultActivityId is { } id && execution.State.ActivityOutputs.TryGetValue(id, out var outputs)
            ? Pick(outputs, null)
            : null;

    private static JsonNode? Pick(Dictionary<string, JsonNode?> outputs, string? outputName)
    {
        if (outputName is not null)
            return outputs.FirstOrDefault(o => string.Equals(o.Key, outputName, StringComparison.OrdinalIgnoreCase)).Value;
        if (outputs.TryGetValue("Result", out var result)) return result;
        if (outputs.TryGetValue("Output", out var output)) return output;
        return outputs.Values.FirstOrDefault();
    }
}
