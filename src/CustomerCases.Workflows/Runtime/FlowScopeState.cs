namespace CustomerCases.Workflows.Runtime;

/// <summary>The live state of one flowchart instance (the root or a nested flowchart): its tokens.</summary>
public sealed class FlowScopeState
{
    /// <summary>Id of this flowchart instance (the flowchart activity's instance id).</summary>
    public string ScopeId { get; set; } = "";

    /// <summary>Activity id of the flowchart in its parent (the FlowNode id when wrapped), or the root flowchart id.</summary>
    public string OwnerActivityId { get; set; } = "";

    /// <summary>Id of the flowchart definition this scope runs.</summary>
    public string FlowchartActivityId { get; set; } = "";

    /// <summary>The enclosing flowchart instance, null for the root.</summary>
    public string? ParentScopeId { get; set; }

    /// <summary>Tokens on this flowchart's connections.</summary>
    public List<FlowToken> Tokens { get; set; } = [];
}
