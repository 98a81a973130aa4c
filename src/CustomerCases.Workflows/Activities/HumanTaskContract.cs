namespace CustomerCases.Workflows.Activities;

/// <summary>
/// What the host and <c>CustomerCases.HumanTask</c> agree on: the bookmark name that marks a task request as a human
/// task, the fields of its payload, and the input that completes it.
/// </summary>
public static class HumanTaskContract
{
    /// <summary>The activity type in workflow JSON.</summary>
    public const string ActivityType = "CustomerCases.HumanTask";

    /// <summary>Bookmark name of a waiting human task; the host resumes it by bookmark id.</summary>
    public const string BookmarkName = "CustomerCases.HumanTask";

    /// <summary>Resume input: the chosen outcome (one of the task's outcomes).</summary>
    public const string OutcomeInput = "outcome";

    /// <summary>Resume input: the form data (an object).</summary>
    public const string DataInput = "data";

    /// <summary>Resume input: who completed it (<c>{id, name}</c>).</summary>
    public const string CompletedByInput = "completedBy";
}
