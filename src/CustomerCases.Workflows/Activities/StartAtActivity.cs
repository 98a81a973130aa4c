using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.StartAt</c>: trigger once at <c>dateTime</c>; inside an instance waits until then (or continues if passed).</summary>
internal sealed class StartAtActivity : IActivity, ITriggerActivity
{
    public string Type => "Elsa.StartAt";

    public IReadOnlyList<string> RequiredInputs => ["dateTime"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow) return ActivityResult.Done;
        var at = JsonValues.AsDateTime(await context.EvaluateAsync("dateTime"))
            ?? throw new WorkflowFaultException("StartAt needs a date and time.");
        if (at <= context.Now) return ActivityResult.Done;
        TimerBookmarks.Create(context, Type, at);
        return ActivityResult.Suspended;
    }

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) =>
        JsonValues.AsDateTime(LiteralInputs.Text(activity, "dateTime")) is { } at
            ? [new Stimulus(Type, new JsonObject { ["executeAt"] = at.ToString("O", CultureInfo.InvariantCulture) })]
            : [];
}
