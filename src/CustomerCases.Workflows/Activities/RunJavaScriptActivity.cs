using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.RunJavaScript</c>: runs <c>script</c> (JavaScript held as a literal, as Studio's code editor stores it);
/// output <c>Result</c>; the script may pick ports with <c>setOutcome(name)</c>/<c>setOutcomes([...])</c> (default Done).
/// </summary>
internal sealed class RunJavaScriptActivity : IActivity
{
    public string Type => "Elsa.RunJavaScript";

    public IReadOnlyList<string> RequiredInputs => ["script"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var result = await context.EvaluateAsync(ScriptOf(context.Activity), "script");
        context.SetOutput("Result", result);
        return context.ScriptOutcomes is { Count: > 0 } outcomes ? ActivityResult.Completed([.. outcomes]) : ActivityResult.Done;
    }

    /// <summary>The script as a JavaScript expression, whether stored as a Literal (Studio) or as JavaScript.</summary>
    public static ExpressionDefinition? ScriptOf(ActivityDefinition activity) =>
        activity.GetInput("script") is { } input
            ? input with { Type = LiteralInputs.IsStatic(input) ? ExpressionLanguages.JavaScript : input.Type }
            : null;
}
