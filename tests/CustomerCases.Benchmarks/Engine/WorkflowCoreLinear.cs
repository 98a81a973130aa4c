using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace CustomerCases.Benchmarks.Engine;

/// <summary>WorkflowCore's data object for the G4 shape.</summary>
public sealed class CounterData
{
    public int Counter { get; set; }
}

/// <summary>The G4 shape in WorkflowCore: 9 increment steps, then a final step that reports completion (10 steps).</summary>
public sealed class LinearCounterWorkflow : IWorkflow<CounterData>
{
    public string Id => "g4-linear";

    public int Version => 1;

    public void Build(IWorkflowBuilder<CounterData> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IStepBuilder<CounterData, Increment> step = builder.StartWith<Increment>();
        for (var i = 1; i < LinearDefinition.Increments; i++) step = step.Then<Increment>();
        step.Then<Done>();
    }
}

/// <summary>One increment of the data object's counter.</summary>
public sealed class Increment : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ((CounterData)context.Workflow.Data).Counter++;
        return ExecutionResult.Next();
    }
}

/// <summary>The final step: counts the workflow as done in the current batch.</summary>
public sealed class Done : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WorkflowCoreBatch.Complete(((CounterData)context.Workflow.Data).Counter);
        return ExecutionResult.Next();
    }
}

/// <summary>Completion signal for one benchmark invocation: a countdown of workflows that released a task when it reaches zero.</summary>
internal static class WorkflowCoreBatch
{
    private static int _remaining;
    private static int _wrongCounters;
    private static TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static int WrongCounters => Volatile.Read(ref _wrongCounters);

    public static Task Begin(int workflows)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, workflows);
        return _done.Task;
    }

    public static void Complete(int counter)
    {
        if (counter != LinearDefinition.Increments) Interlocked.Increment(ref _wrongCounters);
        if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
    }
}
