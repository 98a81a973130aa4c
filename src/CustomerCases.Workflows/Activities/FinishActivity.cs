namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Finish</c>: ends the workflow, clearing all pending work and bookmarks (the hard stop).</summary>
internal sealed class FinishActivity : IActivity
{
    public string Type => "Elsa.Finish";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.FinishWorkflow);
}
