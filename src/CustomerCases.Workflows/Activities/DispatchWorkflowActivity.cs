using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.DispatchWorkflow</c> / <c>Elsa.ExecuteWorkflow</c>: asks the host to start a child workflow. With
/// <c>waitForCompletion</c> (ExecuteWorkflow's default) it waits on the child's completion and outputs its result.
/// </summary>
internal sealed class DispatchWorkflowActivity(string type, bool waitByDefault) : IActivity
{
    public string Type { get; } = type;

    public IReadOnlyList<string> RequiredInputs => ["workflowDefinitionId"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var definitionId = await context.EvaluateStringAsync("workflowDefinitionId");
        if (string.IsNullOrWhiteSpace(definitionId)) throw new WorkflowFaultException($"{Type} needs a workflow definition id.");
        var input = await context.EvaluateAsync("input") as JsonObject;
        var correlationId = await context.EvaluateStringAsync("correlationId") ?? context.State.CorrelationId;
        var wait = context.Activity.GetInput("waitForCompletion") is null ? waitByDefault : await context.EvaluateBooleanAsync("waitForCompletion");
        var childId = WorkflowExecution.NewId();
        Bookmark? bookmark = null;
        if (wait)
        {
            var stimulus = Stimuli.ChildCompleted(childId);
            bookmark = context.CreateBookmark(stimulus.Name, stimulus.Payload);
        }

        context.Execution.DispatchRequests.Add(new DispatchRequest(childId, definitionId, input, correlationId, wait, context.State.InstanceId, bookmark?.Id));
        context.SetOutput("WorkflowInstanceId", JsonValue.Create(childId));
        return wait ? ActivityResult.Suspended : ActivityResult.Done;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        context.SetOutput("Result", context.Input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
