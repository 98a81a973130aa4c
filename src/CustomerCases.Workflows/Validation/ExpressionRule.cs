using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Validation;

/// <summary>Expression languages must be supported; JavaScript must parse (it is parsed, never run).</summary>
internal sealed class ExpressionRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var activity in definition.AllActivities())
        {
            foreach (var (input, found) in activity.GetAllExpressions())
            {
                // RunJavaScript keeps its code in a Literal: check it as the JavaScript it is.
                var expression = input == "script" && activity.Type == "Elsa.RunJavaScript" ? RunJavaScriptActivity.ScriptOf(activity)! : found;
                if (!ExpressionLanguages.IsSupported(expression.Type))
                {
                    yield return new ValidationIssue(ValidationSeverity.Error, activity.Id,
                        $"Input '{input}' uses the expression language '{expression.Type}', which is not supported (use JavaScript, Literal, Object or Variable).");
                    continue;
                }

                if (!expression.Type.Equals(ExpressionLanguages.JavaScript, StringComparison.OrdinalIgnoreCase)) continue;
                if (SyntaxError(expression.ValueText ?? "") is { } error)
                    yield return new ValidationIssue(ValidationSeverity.Error, activity.Id, $"JavaScript syntax error in input '{input}': {error}");
            }
        }
    }

    private static string? SyntaxError(string script)
    {
        try
        {
            JavaScriptScriptCache.Prepare(script);
            return null;
        }
#pragma warning disable CA1031 // Any parser failure is a validation error to report, not to throw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }
}
