using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Event</c>: waits for the named event (bookmark <c>{eventName}</c>); as a trigger, starts workflows.</summary>
internal sealed class EventActivity : IActivity, ITriggerActivity
{
    public string Type => "Elsa.Event";

    public IReadOnlyList<string> RequiredInputs => ["eventName"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow) return Received(context);
        var name = await context.EvaluateStringAsync("eventName");
        if (string.IsNullOrWhiteSpace(name)) throw new WorkflowFaultException("Event needs an event name.");
        var stimulus = Stimuli.Event(name);
        context.CreateBookmark(stimulus.Name, stimulus.Payload);
        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => ValueTask.FromResult(Received(context));

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) =>
        LiteralInputs.Text(activity, "eventName") is { Length: > 0 } name ? [Stimuli.Event(name)] : [];

    private static ActivityResult Received(ActivityContext context)
    {
        context.SetOutput("Result", context.Input?["payload"] ?? context.Input);
        return ActivityResult.Done;
    }
}
