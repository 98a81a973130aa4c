namespace CustomerCases.Workflows.Runtime;

/// <summary>Journal event names.</summary>
public static class JournalEvents
{
    /// <summary>An activity began.</summary>
    public const string Started = "Started";

    /// <summary>An activity completed (payload has its outcomes).</summary>
    public const string Completed = "Completed";

    /// <summary>An activity failed (an incident was recorded).</summary>
    public const string Faulted = "Faulted";

    /// <summary>An activity created bookmarks and waits.</summary>
    public const string Suspended = "Suspended";

    /// <summary>A waiting activity was resumed.</summary>
    public const string Resumed = "Resumed";

    /// <summary>A faulted activity is run again on an administrator's request.</summary>
    public const string Retried = "Retried";

    /// <summary>An activity was cancelled (race lost, finish, cancel).</summary>
    public const string Cancelled = "Cancelled";
}
