using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Fault</c>: raises an incident on purpose with <c>code</c>, <c>category</c> and <c>message</c>.</summary>
internal sealed class FaultActivity : IActivity
{
    public string Type => "Elsa.Fault";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var message = await context.EvaluateStringAsync("message") ?? "Fault";
        var code = await context.EvaluateStringAsync("code");
        var category = await context.EvaluateStringAsync("category");
        var prefix = string.Join(' ', new[] { category, code }.Where(p => !string.IsNullOrEmpty(p)));
        throw new WorkflowFaultException(prefix.Length > 0 ? $"[{prefix}] {message}" : message);
    }
}
