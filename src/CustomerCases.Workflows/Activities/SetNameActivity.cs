namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.SetName</c>: sets the instance name.</summary>
internal sealed class SetNameActivity : IActivity
{
    public string Type => "Elsa.SetName";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.State.Name = await context.EvaluateStringAsync("value");
        return ActivityResult.Done;
    }
}
