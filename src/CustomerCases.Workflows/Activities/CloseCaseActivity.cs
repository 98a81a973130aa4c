using CustomerCases.Workflows.Ports;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>CustomerCases.CloseCase</c>: closes the case with an optional <c>resolution</c>.</summary>
internal sealed class CloseCaseActivity : IActivity
{
    public string Type => "CustomerCases.CloseCase";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.RequireCaseId();
        var resolution = await context.EvaluateStringAsync("resolution");
        await context.GetRequiredService<ICaseActivityGateway>().CloseCaseAsync(caseId, resolution, context.CancellationToken);
        Expressions.CaseSnapshots.Invalidate(context.Execution);
        return ActivityResult.Done;
    }
}
