using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Checks a definition and reports every problem at once (placeholder; filled in below).</summary>
public sealed class WorkflowDefinitionValidator
{
    private readonly ActivityRegistry _registry;

    internal WorkflowDefinitionValidator(ActivityRegistry registry) => _registry = registry;

    /// <summary>Validates.</summary>
    public int Validate(WorkflowDefinition definition) => definition.AllActivities().Count(a => _registry.Find(a.Type) is null);
}
