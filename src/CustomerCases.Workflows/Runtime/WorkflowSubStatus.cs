namespace CustomerCases.Workflows.Runtime;

/// <summary>Detail of <see cref="WorkflowStatus"/> (Elsa's <c>WorkflowSubStatus</c>).</summary>
public enum WorkflowSubStatus
{
    /// <summary>Created, not run yet.</summary>
    Pending,

    /// <summary>Running now (only seen inside an execution).</summary>
    Executing,

    /// <summary>Waiting on one or more bookmarks.</summary>
    Suspended,

    /// <summary>Completed normally.</summary>
    Finished,

    /// <summary>Cancelled by the host.</summary>
    Cancelled,

    /// <summary>Stopped by an incident under the fault strategy.</summary>
    Faulted,
}
