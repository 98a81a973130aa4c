using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.PublishEvent</c>: asks the host to deliver an event (to this instance only when <c>isLocalEvent</c>).</summary>
internal sealed class PublishEventActivity : IActivity
{
    public string Type => "Elsa.PublishEvent";

    public IReadOnlyList<string> RequiredInputs => ["eventName"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = await context.EvaluateStringAsync("eventName");
        if (string.IsNullOrWhiteSpace(name)) throw new WorkflowFaultException("PublishEvent needs an event name.");
        var correlationId = await context.EvaluateStringAsync("correlationId");
        var isLocal = await context.EvaluateBooleanAsync("isLocalEvent");
        var payload = await context.EvaluateAsync("payload");
        context.Execution.PublishedEvents.Add(new PublishedEvent(name, correlationId, payload, isLocal, context.State.InstanceId));
        context.JournalPayload.Set("eventName", name);
        return ActivityResult.Done;
    }
}
