namespace CustomerCases.Workflows.Runtime;

/// <summary>Whether an instance can still make progress (Elsa's <c>WorkflowStatus</c>).</summary>
public enum WorkflowStatus
{
    /// <summary>Executing or waiting on bookmarks.</summary>
    Running,

    /// <summary>Done for good; see <see cref="WorkflowSubStatus"/> for how it ended.</summary>
    Finished,
}
