using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.Timer</c>: as a trigger, the host starts an instance every <c>interval</c>; inside an instance it waits one
/// interval and continues.
/// </summary>
internal sealed class TimerActivity : IActivity, ITriggerActivity
{
    public string Type => "Elsa.Timer";

    public IReadOnlyList<string> RequiredInputs => ["interval"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow) return ActivityResult.Done;
        var interval = await context.EvaluateTimeSpanAsync("interval");
        if (interval is not { } span || span <= TimeSpan.Zero) throw new WorkflowFaultException("Timer needs a positive interval.");
        TimerBookmarks.Create(context, Type, context.Now + span);
        return ActivityResult.Suspended;
    }

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) =>
        Expressions.JsonValues.AsTimeSpan(LiteralInputs.Text(activity, "interval")) is { } span
            ? [new Stimulus(Type, new JsonObject { ["interval"] = span.ToString("c", CultureInfo.InvariantCulture) })]
            : [];
}
