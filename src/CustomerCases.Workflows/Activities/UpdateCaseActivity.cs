using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>CustomerCases.UpdateCase</c>: sets status, priority, category, queue and/or adds tags through the gateway.</summary>
internal sealed class UpdateCaseActivity : IActivity
{
    public string Type => "CustomerCases.UpdateCase";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.RequireCaseId();
        var tags = context.Activity.GetInput("tags") is null ? null : JsonValues.AsStringList(await context.EvaluateAsync("tags"));
        var update = new CaseUpdate(
            await Optional(context, "status"),
            await Optional(context, "priority"),
            await Optional(context, "category"),
            await Optional(context, "queue"),
            tags is { Count: > 0 } ? tags : null);
        if (update == new CaseUpdate()) throw new WorkflowFaultException("UpdateCase changes nothing: set status, priority, category, queue or tags.");
        await context.GetRequiredService<ICaseActivityGateway>().UpdateCaseAsync(caseId, update, context.CancellationToken);
        CaseSnapshots.Invalidate(context.Execution);
        return ActivityResult.Done;
    }

    private static async ValueTask<string?> Optional(ActivityContext context, string input) =>
        await context.EvaluateStringAsync(input) is { Length: > 0 } value ? value : null;
}
