using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>
/// Checks a definition before it is published and reports every problem at once: unknown types, unsupported expression
/// languages, JavaScript syntax errors, dangling connections, bad cron expressions, missing required inputs, duplicate
/// HTTP endpoints; plus warnings for joins that designers commonly misread.
/// </summary>
public sealed class WorkflowDefinitionValidator
{
    private static readonly IDefinitionRule[] Rules =
    [
        new RootRule(), new ActivityTypeRule(), new ExpressionRule(), new ConnectionRule(), new RequiredInputRule(),
        new CronRule(), new HttpEndpointRule(), new JoinRule(),
    ];

    private readonly ActivityRegistry _registry;

    internal WorkflowDefinitionValidator(ActivityRegistry registry) => _registry = registry;

    /// <summary>Validates; never throws for a definition the reader accepted.</summary>
    public ValidationReport Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ValidationReport(Rules.SelectMany(r => r.Check(definition, _registry)).ToList());
    }
}
