namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Start</c>: the flowchart's entry milestone.</summary>
internal sealed class StartActivity : IActivity
{
    public string Type => "Elsa.Start";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
