namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.End</c>: a terminal node; completes its flowchart at once, cancelling other branches in it.</summary>
internal sealed class EndActivity : IActivity
{
    public string Type => "Elsa.End";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.CompleteFlowchart());
}
