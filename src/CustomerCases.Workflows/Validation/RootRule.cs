using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>The root must be a flowchart with at least one activity.</summary>
internal sealed class RootRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var rootType = definition.Json.Child("root")?.Text("type");
        if (rootType != ActivityReader.FlowchartType)
            yield return new ValidationIssue(ValidationSeverity.Error, null, $"The root activity must be an Elsa.Flowchart, not '{rootType}'.");
        else if (definition.Root.Activities.Count == 0)
            yield return new ValidationIssue(ValidationSeverity.Warning, null, "The flowchart has no activities.");
    }
}
