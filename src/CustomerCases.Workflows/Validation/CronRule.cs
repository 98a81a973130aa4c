using Cronos;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Literal cron expressions must parse as 6-field Cronos expressions (with seconds), as Elsa validates on publish.</summary>
internal sealed class CronRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var activity in definition.AllActivities().Where(a => a.Type == "Elsa.Cron"))
        {
            if (LiteralInputs.Text(activity, "cronExpression") is not { Length: > 0 } text) continue;
            string? error = null;
            try
            {
                CronActivity.Parse(text);
            }
            catch (CronFormatException e)
            {
                error = e.Message;
            }

            if (error is not null)
                yield return new ValidationIssue(ValidationSeverity.Error, activity.Id, $"Invalid cron expression '{text}' (6 fields, seconds first): {error}");
        }
    }
}
