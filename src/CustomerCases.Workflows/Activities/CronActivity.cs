using System.Text.Json.Nodes;
using Cronos;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Cron</c>: 6-field (with seconds) Cronos expression; trigger, or a wait until the next occurrence (UTC).</summary>
internal sealed class CronActivity : IActivity, ITriggerActivity
{
    public string Type => "Elsa.Cron";

    public IReadOnlyList<string> RequiredInputs => ["cronExpression"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow) return ActivityResult.Done;
        var text = await context.EvaluateStringAsync("cronExpression") ?? "";
        var next = Parse(text).GetNextOccurrence(context.Now, TimeZoneInfo.Utc)
            ?? throw new WorkflowFaultException($"Cron expression '{text}' has no future occurrence.");
        TimerBookmarks.Create(context, Type, next, new JsonObject { ["cronExpression"] = text });
        return ActivityResult.Suspended;
    }

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) =>
        LiteralInputs.Text(activity, "cronExpression") is { Length: > 0 } text
            ? [new Stimulus(Type, new JsonObject { ["cronExpression"] = text })]
            : [];

    /// <summary>Parses with seconds, as Elsa does; throws <see cref="CronFormatException"/> on a bad expression.</summary>
    public static CronExpression Parse(string text) => CronExpression.Parse(text.Trim(), CronFormat.IncludeSeconds);
}
