using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.RunTask</c>: requests an external/human task (effect), waits on <c>{taskId, taskName}</c>, and completes with
/// the <c>result</c> given when the task is completed. Output <c>TaskId</c>.
/// </summary>
internal sealed class RunTaskActivity : IActivity
{
    public string Type => "Elsa.RunTask";

    public IReadOnlyList<string> RequiredInputs => ["taskName"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var taskName = await context.EvaluateStringAsync("taskName");
        if (string.IsNullOrWhiteSpace(taskName)) throw new WorkflowFaultException("RunTask needs a task name.");
        var payload = await context.EvaluateAsync("payload");
        var taskId = WorkflowExecution.NewId();
        var stimulus = Stimuli.RunTask(taskId, taskName);
        // The bookmark's id is the task id: completing the task finds it by primary key.
        var bookmark = context.CreateBookmark(stimulus.Name, stimulus.Payload, id: taskId);
        context.Execution.TaskRequests.Add(new TaskRequest(taskId, taskName, payload, context.State.InstanceId, bookmark.Id));
        context.SetOutput("TaskId", System.Text.Json.Nodes.JsonValue.Create(taskId));
        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        context.SetOutput("Result", context.Input?["result"]?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
