using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>CustomerCases.WaitForCustomer</c>: waits for the next customer message on the case (outcome <c>Replied</c>,
/// output the message), or, with <c>timeout</c>, a timer that gives outcome <c>Timeout</c>. Whichever comes first wins.
/// </summary>
internal sealed class WaitForCustomerActivity : IActivity
{
    public const string RepliedOutcome = "Replied";
    public const string TimeoutOutcome = "Timeout";
    public const string TimeoutBookmarkName = "CustomerCases.WaitForCustomerTimeout";

    public string Type => "CustomerCases.WaitForCustomer";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var stimulus = Stimuli.CustomerReplied(context.RequireCaseId());
        context.CreateBookmark(stimulus.Name, stimulus.Payload);
        if (context.Activity.GetInput("timeout") is not null)
        {
            var timeout = await context.EvaluateTimeSpanAsync("timeout");
            if (timeout is not { } span || span <= TimeSpan.Zero) throw new WorkflowFaultException("WaitForCustomer's timeout must be a positive duration.");
            TimerBookmarks.Create(context, TimeoutBookmarkName, context.Now + span);
        }

        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        if (context.ResumedBookmark?.Name == TimeoutBookmarkName) return ValueTask.FromResult(ActivityResult.Completed(TimeoutOutcome));
        context.SetOutput("Result", context.Input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Completed(RepliedOutcome));
    }
}
