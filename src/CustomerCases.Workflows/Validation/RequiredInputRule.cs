using System.Text.Json;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Inputs an activity declares as required must be present and not empty.</summary>
internal sealed class RequiredInputRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var activity in definition.AllActivities())
        {
            if (registry.Find(activity.Type) is not { } implementation) continue;
            foreach (var input in implementation.RequiredInputs.Where(i => IsMissing(activity, i)))
                yield return new ValidationIssue(ValidationSeverity.Error, activity.Id, $"Missing required input '{input}'.");
        }
    }

    private static bool IsMissing(ActivityDefinition activity, string input)
    {
        if (activity.GetProperty(input) is not { } raw) return true;
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("expression", out _)) return false; // e.g. SetVariable's variable reference
        var expression = activity.GetInput(input);
        return expression is null || string.IsNullOrWhiteSpace(expression.ValueText);
    }
}
