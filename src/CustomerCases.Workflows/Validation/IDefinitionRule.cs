using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>One validation concern; rules never throw, they report.</summary>
internal interface IDefinitionRule
{
    IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry);
}
