using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.SetVariable</c>: assigns <c>value</c> to <c>variable</c> (<c>{id, name}</c>), coerced to its declared type.</summary>
internal sealed class SetVariableActivity : IActivity
{
    public string Type => "Elsa.SetVariable";

    public IReadOnlyList<string> RequiredInputs => ["variable"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var reference = context.Activity.GetProperty("variable");
        var name = reference?.Text("name")
            ?? context.Execution.FindVariableById(reference?.Text("id") ?? "")?.Name
            ?? throw new WorkflowFaultException("SetVariable has no variable.");
        name = context.Execution.FindVariableById(reference?.Text("id") ?? "")?.Name ?? name;
        var value = await context.EvaluateAsync("value");
        context.SetVariable(name, value);
        context.JournalPayload["variable"] = name;
        return ActivityResult.Done;
    }
}
