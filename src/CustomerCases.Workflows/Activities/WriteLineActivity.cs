using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.WriteLine</c>: writes <c>text</c> to the journal (payload <c>text</c>) and the log; tests use it as an oracle.</summary>
internal sealed class WriteLineActivity : IActivity
{
    public string Type => "Elsa.WriteLine";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = await context.EvaluateStringAsync("text");
        context.JournalPayload.Set("text", text);
        context.Logger.LogWriteLine(context.State.InstanceId, text);
        return ActivityResult.Done;
    }
}
