using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.Delay</c>: waits <c>timeSpan</c>; a timer bookmark <c>{resumeAt}</c> the host wakes at its due time.</summary>
internal sealed class DelayActivity : IActivity
{
    public const string BookmarkName = "Elsa.Delay";

    public string Type => "Elsa.Delay";

    public IReadOnlyList<string> RequiredInputs => ["timeSpan"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var span = await context.EvaluateTimeSpanAsync("timeSpan")
            ?? throw new WorkflowFaultException("Delay needs a duration such as '00:05:00'.");
        if (span <= TimeSpan.Zero) return ActivityResult.Done;
        TimerBookmarks.Create(context, BookmarkName, context.Now + span);
        return ActivityResult.Suspended;
    }
}
