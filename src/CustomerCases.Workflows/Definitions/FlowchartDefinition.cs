namespace CustomerCases.Workflows.Definitions;

/// <summary>The activities and connections of one <c>Elsa.Flowchart</c> (root or nested).</summary>
public sealed record FlowchartDefinition(
    string Id,
    IReadOnlyList<ActivityDefinition> Activities,
    IReadOnlyList<ConnectionDefinition> Connections,
    IReadOnlyList<VariableDefinition> Variables)
{
    private readonly Dictionary<string, ActivityDefinition> _byId = Activities
        .GroupBy(a => a.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The activity with this id, or null.</summary>
    public ActivityDefinition? Find(string activityId) => _byId.GetValueOrDefault(activityId);
}
