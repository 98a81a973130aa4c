namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Correlate</c>: sets the instance correlation id (for case workflows: the case id).</summary>
internal sealed class CorrelateActivity : IActivity
{
    public string Type => "Elsa.Correlate";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.State.CorrelationId = await context.EvaluateStringAsync("correlationId");
        Expressions.CaseSnapshots.Invalidate(context.Execution);
        return ActivityResult.Done;
    }
}
