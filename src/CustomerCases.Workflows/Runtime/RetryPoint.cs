namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// Where a faulted instance stood when its activity failed: the flowchart instances with their tokens, the work still
/// queued and the bookmarks still open. The fault strategy ends the instance and clears all of that; keeping a copy
/// is what lets an administrator retry the failed activity once its cause is fixed (Elsa's retry alteration).
/// </summary>
public sealed class RetryPoint
{
    /// <summary>The activity that faulted; a retry runs it again from the start.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>The flowchart instance it ran in.</summary>
    public string ScopeId { get; set; } = "";

    /// <summary>Flowchart instances and their tokens at the fault.</summary>
    public List<FlowScopeState> Scopes { get; set; } = [];

    /// <summary>Work that was still queued at the fault.</summary>
    public List<WorkItem> Queue { get; set; } = [];

    /// <summary>Bookmarks of other activities that were open at the fault (they wait again after a retry).</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];
}
