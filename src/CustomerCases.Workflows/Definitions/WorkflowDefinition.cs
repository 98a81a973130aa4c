using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>An Elsa 3 workflow definition (one version), immutable. <see cref="Json"/> is the whole original document.</summary>
public sealed record WorkflowDefinition(
    string Id,
    string DefinitionId,
    string Name,
    int Version,
    IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<WorkflowInputDefinition> Inputs,
    string? IncidentStrategy,
    FlowchartDefinition Root,
    JsonElement Json)
{
    /// <summary>Every activity, including those inside nested flowcharts and flow nodes.</summary>
    public IEnumerable<ActivityDefinition> AllActivities() => Walk(Root);

    /// <summary>Variables declared at the workflow level and in every flowchart.</summary>
    public IEnumerable<VariableDefinition> AllVariables() => Variables.Concat(Flowcharts(Root).SelectMany(f => f.Variables));

    /// <summary>True when the definition's options select Elsa's continue-with-incidents strategy.</summary>
    public bool ContinuesWithIncidents =>
        IncidentStrategy?.Contains("ContinueWithIncidents", StringComparison.OrdinalIgnoreCase) == true;

    private static IEnumerable<FlowchartDefinition> Flowcharts(FlowchartDefinition flowchart)
    {
        yield return flowchart;
        foreach (var activity in flowchart.Activities)
        {
            var nested = activity.Flowchart ?? activity.Body?.Flowchart;
            if (nested is null) continue;
            foreach (var inner in Flowcharts(nested)) yield return inner;
        }
    }

    private static IEnumerable<ActivityDefinition> Walk(FlowchartDefinition flowchart)
    {
        foreach (var activity in flowchart.Activities)
        {
            yield return activity;
            if (activity.Body is { } body) yield return body;
            var nested = activity.Flowchart ?? activity.Body?.Flowchart;
            if (nested is null) continue;
            foreach (var inner in Walk(nested)) yield return inner;
        }
    }
}
