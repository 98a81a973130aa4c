using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// One run of an instance: owns a private copy of the state, drains the work queue and collects journal, incidents and
/// effects. Never performs I/O itself; activities reach the host only through ports.
/// </summary>
internal sealed partial class WorkflowExecution
{
    private readonly Dictionary<string, FlowchartDefinition> _flowcharts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableDefinition> _variables = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> _journal = [];
    private readonly List<ActivityIncident> _incidents = [];
    private string? _triggerInstanceId;
    private JsonObject? _triggerInput;
    private int _steps;
    private ExpressionEvaluator? _expressions;

    public WorkflowExecution(WorkflowDefinition definition, WorkflowState state, EngineServices services, CancellationToken cancellationToken)
    {
        Definition = definition;
        State = state;
        Services = services;
        CancellationToken = cancellationToken;
        Index(definition.Root);
        foreach (var v in definition.AllVariables()) _variables.TryAdd(v.Name, v);
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowState State { get; }

    public EngineServices Services { get; }

    public CancellationToken CancellationToken { get; }

    public DateTimeOffset Now => Services.Time.GetUtcNow();

    public bool TriggerDeclined { get; private set; }

    public List<PublishedEvent> PublishedEvents { get; } = [];

    public List<TaskRequest> TaskRequests { get; } = [];

    public List<DispatchRequest> DispatchRequests { get; } = [];

    public List<HttpResponseEffect> HttpResponses { get; } = [];

    /// <summary>The case snapshot for <c>getCase()</c>, loaded on demand through the gateway and dropped after case updates.</summary>
    public JsonObject? CaseSnapshot { get; set; }

    public bool CaseSnapshotLoaded { get; set; }

    public ExpressionEvaluator Expressions => _expressions ??= new ExpressionEvaluator(this);

    public IReadOnlyCollection<VariableDefinition> VariableDefinitions => _variables.Values;

    public VariableDefinition? FindVariable(string name) => _variables.GetValueOrDefault(name);

    public VariableDefinition? FindVariableById(string id) => _variables.Values.FirstOrDefault(v => v.Id == id);

    public static string NewId() => Guid.NewGuid().ToString("N");

    private async Task DrainAsync()
    {
        AfterStep();
        while (State.Queue.Count > 0 && State.Status == WorkflowStatus.Running)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var item = State.Queue[0];
            State.Queue.RemoveAt(0);
            if (++_steps > Services.Options.MaxStepsPerExecution)
            {
                var scope = FindScope(item.ScopeId);
                var activity = scope is null ? null : FlowchartOf(scope).Find(item.ActivityId);
                Fault(item.ScopeId, item.ActivityId, activity, item.ActivityInstanceId,
                    $"The execution exceeded {Services.Options.MaxStepsPerExecution} activity runs (a loop without a wait?).", null);
                break;
            }

            await RunItemAsync(item);
            AfterStep();
        }

        Settle();
    }

    private async Task RunItemAsync(WorkItem item)
    {
        if (FindScope(item.ScopeId) is not { } scope || FlowchartOf(scope).Find(item.ActivityId) is not { } activity) return;
        await RunActivityAsync(scope, activity, item.ActivityInstanceId, null, null);
    }

    private void Settle()
    {
        State.UpdatedAt = Now;
        if (State.Status != WorkflowStatus.Running) return;
        if (State.Scopes.Count == 0) FinishWorkflow(WorkflowSubStatus.Finished);
        else State.SubStatus = WorkflowSubStatus.Suspended;
    }

    private void Index(FlowchartDefinition flowchart)
    {
        _flowcharts[flowchart.Id] = flowchart;
        foreach (var a in flowchart.Activities)
        {
            if ((a.Flowchart ?? a.Body?.Flowchart) is { } nested) Index(nested);
        }
    }

    internal FlowchartDefinition FlowchartOf(FlowScopeState scope) => _flowcharts[scope.FlowchartActivityId];

    internal FlowScopeState? FindScope(string scopeId) => State.Scopes.Find(s => s.ScopeId == scopeId);

    internal WorkItem Schedule(FlowScopeState scope, string activityId)
    {
        var item = new WorkItem(activityId, scope.ScopeId, NewId());
        State.Queue.Add(item);
        return item;
    }
}
