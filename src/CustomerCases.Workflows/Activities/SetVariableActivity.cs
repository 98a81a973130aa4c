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
        // The variable depends on the definition only, so it is resolved once per definition.
        var name = context.Plan.Derived(context.Execution.Plan, VariableName);
        var value = await context.EvaluateAsync("value");
        context.SetVariable(name, value);
        context.JournalPayload.Set("variable", name);
        return ActivityResult.Done;
    }

    /// <summary>The declared variable the reference's id names, else the reference's own name.</summary>
    private static string VariableName(ActivityDefinition activity, DefinitionPlan plan)
    {
        var reference = activity.GetProperty("variable");
        var byId = plan.FindVariableById(reference?.Text("id") ?? "")?.Name;
        return byId ?? reference?.Text("name") ?? throw new WorkflowFaultException("SetVariable has no variable.");
    }
}
