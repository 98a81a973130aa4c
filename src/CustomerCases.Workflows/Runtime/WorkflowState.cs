using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// Everything needed to continue an instance, serialisable with <see cref="WorkflowStateSerializer"/>. The host stores
/// it as one JSON column next to the instance row; the engine never mutates a state it was given (it works on a copy).
/// </summary>
public sealed class WorkflowState
{
    /// <summary>Version of this state shape.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Version of the shape this state was written with.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Instance id.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The definition's stable id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The definition version id the instance is pinned to.</summary>
    public string DefinitionVersionId { get; set; } = "";

    /// <summary>The definition version number.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>Parent instance when started by DispatchWorkflow/ExecuteWorkflow.</summary>
    public string? ParentInstanceId { get; set; }

    /// <summary>Correlation id; for case workflows, the case id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Instance name (set by <c>Elsa.SetName</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Running or Finished.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>Detail of the status.</summary>
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;

    /// <summary>Workflow input.</summary>
    public Dictionary<string, JsonNode?> Input { get; set; } = [];

    /// <summary>Workflow output (set by <c>Elsa.SetOutput</c>).</summary>
    public Dictionary<string, JsonNode?> Output { get; set; } = [];

    /// <summary>Variables by name.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    /// <summary>Outputs of completed activities by activity id then output name (for <c>getOutputFrom</c>).</summary>
    public Dictionary<string, Dictionary<string, JsonNode?>> ActivityOutputs { get; set; } = [];

    /// <summary>The last activity that produced an output (for <c>getLastResult</c>).</summary>
    public string? LastResultActivityId { get; set; }

    /// <summary>Live flowchart instances and their tokens.</summary>
    public List<FlowScopeState> Scopes { get; set; } = [];

    /// <summary>Scheduled work not yet run (empty between executions unless cut short).</summary>
    public List<WorkItem> Queue { get; set; } = [];

    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>Set while the instance is Faulted and can be retried (see <see cref="WorkflowEngine.RetryAsync"/>).</summary>
    public RetryPoint? RetryPoint { get; set; }

    /// <summary>All incidents so far.</summary>
    public List<ActivityIncident> Incidents { get; set; } = [];

    /// <summary>Last journal sequence number used.</summary>
    public long JournalSequence { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last execution time.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the instance finished.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
