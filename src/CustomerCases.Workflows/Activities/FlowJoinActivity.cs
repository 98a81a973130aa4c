namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.FlowJoin</c>: the waiting is done by the flowchart from the join's <c>mode</c> (WaitAny races and cancels the
/// other branches, WaitAll waits for every inbound connection, WaitAllActive for every branch that can still arrive).
/// </summary>
internal sealed class FlowJoinActivity : IActivity
{
    public string Type => "Elsa.FlowJoin";

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
