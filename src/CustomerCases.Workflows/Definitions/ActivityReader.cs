using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>Reads one activity node, recursing into <c>Elsa.Flowchart</c> and <c>Elsa.FlowNode</c> bodies.</summary>
internal static class ActivityReader
{
    public const string FlowchartType = "Elsa.Flowchart";
    public const string FlowNodeType = "Elsa.FlowNode";

    public static ActivityDefinition Read(JsonElement json)
    {
        var id = json.Text("id") ?? json.Text("name") ?? Guid.NewGuid().ToString("N");
        var type = json.Text("type") ?? "";
        var custom = json.Child("customProperties");
        // Elsa 3.0 files put the flags on the activity itself; newer ones in customProperties.
        var canStart = json.Flag("canStartWorkflow") ?? custom?.Flag("canStartWorkflow") ?? false;
        var runAsync = json.Flag("runAsynchronously") ?? custom?.Flag("runAsynchronously") ?? false;
        var mergeMode = custom?.Text("mergeMode");
        FlowchartDefinition? flowchart = null;
        ActivityDefinition? body = null;
        if (string.Equals(type, FlowchartType, StringComparison.Ordinal))
            flowchart = ReadFlowchart(id, json);
        else if (string.Equals(type, FlowNodeType, StringComparison.Ordinal) && json.Child("body") is { ValueKind: JsonValueKind.Object } b)
            body = Read(b);

        return new ActivityDefinition(id, json.Text("nodeId"), json.Text("name"), type, json.Int("version", 1),
            canStart, runAsync, mergeMode, flowchart, body, json);
    }

    private static FlowchartDefinition ReadFlowchart(string id, JsonElement json)
    {
        var activities = json.Child("activities").Items().Where(a => a.ValueKind == JsonValueKind.Object).Select(Read).ToArray();
        var connections = json.Child("connections").Items().Select(ConnectionReader.Read).OfType<ConnectionDefinition>().ToArray();
        return new FlowchartDefinition(id, activities, connections, WorkflowDefinitionReader.ReadVariables(json.Child("variables")));
    }
}
