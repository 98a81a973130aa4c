using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Every activity type must be one this engine runs (Elsa's NotFoundActivity case).</summary>
internal sealed class ActivityTypeRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry) =>
        definition.AllActivities()
            .Where(a => a.Type is not (ActivityReader.FlowchartType or ActivityReader.FlowNodeType) && registry.Find(a.Type) is null)
            .Select(a => new ValidationIssue(ValidationSeverity.Error, a.Id,
                string.IsNullOrEmpty(a.Type) ? "The activity has no type." : $"Unknown activity type '{a.Type}'."));
}
