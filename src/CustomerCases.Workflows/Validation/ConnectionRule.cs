using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Connections must join two activities of the same flowchart.</summary>
internal sealed class ConnectionRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry) => Check(definition.Root);

    private static IEnumerable<ValidationIssue> Check(FlowchartDefinition flowchart)
    {
        foreach (var c in flowchart.Connections)
        {
            foreach (var end in new[] { c.SourceId, c.TargetId }.Where(id => flowchart.Find(id) is null))
            {
                yield return new ValidationIssue(ValidationSeverity.Error, flowchart.Find(c.SourceId) is null ? null : c.SourceId,
                    $"Connection '{c.SourceId}:{c.SourcePort}' → '{c.TargetId}' refers to the missing activity '{end}'.");
            }
        }

        foreach (var nested in flowchart.Activities.Select(a => a.Flowchart ?? a.Body?.Flowchart).OfType<FlowchartDefinition>())
        {
            foreach (var issue in Check(nested)) yield return issue;
        }
    }
}
