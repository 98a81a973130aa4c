using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>CustomerCases.AddCaseMessage</c>: a public reply (default) or an internal note; <c>text</c> may be an expression.</summary>
internal sealed class AddCaseMessageActivity : IActivity
{
    public string Type => "CustomerCases.AddCaseMessage";

    public IReadOnlyList<string> RequiredInputs => ["text"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var caseId = context.RequireCaseId();
        var text = await context.EvaluateStringAsync("text");
        if (string.IsNullOrWhiteSpace(text)) throw new WorkflowFaultException("AddCaseMessage needs a text.");
        var kind = ParseKind(await context.EvaluateStringAsync("kind"));
        await context.GetRequiredService<ICaseActivityGateway>().AddMessageAsync(caseId, kind, text, context.CancellationToken);
        context.JournalPayload.Set("kind", kind.ToString());
        return ActivityResult.Done;
    }

    /// <summary>Accepts <c>PublicReply</c>/<c>public reply</c>/<c>public</c> and <c>InternalNote</c>/<c>internal note</c>/<c>internal</c>.</summary>
    internal static CaseMessageKind ParseKind(string? text)
    {
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (compact.Length == 0 || compact.StartsWith("public", StringComparison.OrdinalIgnoreCase)) return CaseMessageKind.PublicReply;
        if (compact.StartsWith("internal", StringComparison.OrdinalIgnoreCase) || compact.Equals("note", StringComparison.OrdinalIgnoreCase))
            return CaseMessageKind.InternalNote;
        throw new WorkflowFaultException($"Unknown message kind '{text}': use 'public reply' or 'internal note'.");
    }
}
