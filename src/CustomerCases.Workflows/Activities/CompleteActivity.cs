using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Complete</c>: completes the enclosing flowchart with the given <c>outcomes</c> (default Done).</summary>
internal sealed class CompleteActivity : IActivity
{
    public string Type => "Elsa.Complete";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var outcomes = JsonValues.AsStringList(await context.EvaluateAsync("outcomes"));
        return ActivityResult.CompleteFlowchart([.. outcomes]);
    }
}
