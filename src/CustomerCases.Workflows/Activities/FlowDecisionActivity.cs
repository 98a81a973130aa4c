namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.FlowDecision</c>: evaluates <c>condition</c>; outcome <c>True</c> or <c>False</c>.</summary>
internal sealed class FlowDecisionActivity : IActivity
{
    public string Type => "Elsa.FlowDecision";

    public IReadOnlyList<string> RequiredInputs => ["condition"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ActivityResult.Completed(await context.EvaluateBooleanAsync("condition") ? "True" : "False");
}
