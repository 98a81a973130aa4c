using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>CustomerCases.Escalate</c>: raises the priority one level (or sets <c>priority</c>; <c>raisePriority</c> false
/// keeps it), moves the case to <c>queue</c> and/or a named manager (<c>assignee</c>), increments the escalation level
/// and adds an internal note; <c>reason</c> is recorded in the history. Without a reason, the last SLA event is used.
/// </summary>
internal sealed class EscalateActivity : IActivity
{
    public string Type => "CustomerCases.Escalate";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.RequireCaseId();
        var reason = await Optional(context, "reason") ?? DefaultReason(context);
        var raise = context.Activity.GetInput("raisePriority") is null || await context.EvaluateBooleanAsync("raisePriority");
        var escalation = new CaseEscalation(reason, await Optional(context, "priority"), raise, await Optional(context, "queue"), await Optional(context, "assignee"));
        await context.GetRequiredService<ICaseEscalationGateway>().EscalateAsync(caseId, escalation, context.CancellationToken);
        Expressions.CaseSnapshots.Invalidate(context.Execution);
        context.JournalPayload.Set("reason", reason);
        return ActivityResult.Done;
    }

    private static string DefaultReason(ActivityContext context) =>
        context.State.LastResultActivityId is { } last && context.State.ActivityOutputs.TryGetValue(last, out var outputs)
            && outputs.TryGetValue("Result", out var result) && result?["reason"]?.GetValue<string>() is { } slaReason
            ? slaReason
            : "escalated by workflow " + context.State.Name;

    private static async ValueTask<string?> Optional(ActivityContext context, string input) =>
        context.Activity.GetInput(input) is not null && await context.EvaluateStringAsync(input) is { Length: > 0 } value ? value : null;
}
