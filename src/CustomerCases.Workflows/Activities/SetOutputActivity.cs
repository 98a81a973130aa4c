using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.SetOutput</c>: sets workflow output <c>outputName</c> to <c>outputValue</c>.</summary>
internal sealed class SetOutputActivity : IActivity
{
    public string Type => "Elsa.SetOutput";

    public IReadOnlyList<string> RequiredInputs => ["outputName"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = await context.EvaluateStringAsync("outputName");
        if (string.IsNullOrWhiteSpace(name)) throw new WorkflowFaultException("SetOutput needs an output name.");
        context.State.Output[name] = await context.EvaluateAsync("outputValue");
        return ActivityResult.Done;
    }
}
