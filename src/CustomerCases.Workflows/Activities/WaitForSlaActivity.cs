using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>CustomerCases.WaitForSla</c>: waits for an SLA warning or breach on the case — of one <c>metric</c>
/// (FirstResponse, NextReply, Resolution) or of any when the input is empty. Outcomes <c>Warning</c> and <c>Breached</c>;
/// output <c>Result</c> = <c>{metric, kind, fraction, dueAt, reason}</c>. With <c>canStartWorkflow</c> it is a trigger:
/// every SLA event starts the workflow (correlated to the case; the event is the workflow input), and a <c>metric</c>
/// that differs declines the start.
/// </summary>
internal sealed class WaitForSlaActivity : IActivity, ITriggerActivity
{
    public const string WarningOutcome = "Warning";
    public const string BreachedOutcome = "Breached";

    public string Type => "CustomerCases.WaitForSla";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var metric = await context.EvaluateStringAsync("metric");
        metric = string.IsNullOrWhiteSpace(metric) ? null : Normalise(metric);
        if (context.IsTriggerOfWorkflow)
        {
            var data = context.Input ?? WorkflowInput(context);
            if (metric is not null && !string.Equals(data["metric"]?.GetValue<string>(), metric, StringComparison.Ordinal))
            {
                context.DeclineTrigger();
                return ActivityResult.Done;
            }

            return Received(context, data);
        }

        var stimulus = SlaStimuli.For(context.RequireCaseId(), metric);
        context.CreateBookmark(stimulus.Name, stimulus.Payload);
        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => ValueTask.FromResult(Received(context, context.Input ?? []));

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) => [SlaStimuli.Triggered()];

    private static ActivityResult Received(ActivityContext context, JsonObject data)
    {
        context.SetOutput("Result", data.DeepClone());
        var breached = string.Equals(data["kind"]?.GetValue<string>(), "Breach", StringComparison.OrdinalIgnoreCase);
        return ActivityResult.Completed(breached ? BreachedOutcome : WarningOutcome);
    }

    private static JsonObject WorkflowInput(ActivityContext context)
    {
        var data = new JsonObject();
        foreach (var (key, value) in context.State.Input)
        {
            data[key] = value?.DeepClone();
        }

        return data;
    }

    /// <summary>Accepts <c>firstResponse</c>, <c>FirstResponse</c>, <c>first response</c> …</summary>
    internal static string Normalise(string metric)
    {
        var compact = metric.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return compact.ToUpperInvariant() switch
        {
            "FIRSTRESPONSE" => "FirstResponse",
            "NEXTREPLY" => "NextReply",
            "RESOLUTION" => "Resolution",
            _ => throw new WorkflowFaultException($"Unknown SLA metric '{metric}': use FirstResponse, NextReply or Resolution."),
        };
    }
}
