using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.FlowFork</c>: completes with every name in <c>branches</c> as an outcome, so all branches run.</summary>
internal sealed class FlowForkActivity : IActivity
{
    public string Type => "Elsa.FlowFork";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var branches = JsonValues.AsStringList(await context.EvaluateAsync("branches"));
        return ActivityResult.Completed([.. branches]);
    }
}
