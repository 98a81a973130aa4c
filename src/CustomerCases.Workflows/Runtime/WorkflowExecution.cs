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
    private readonly List<JournalEntry> _journal;
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
        Plan = DefinitionPlan.For(definition);
        // A run usually logs a Started and a Completed per activity; sized for that, it never regrows.
        _journal = new List<JournalEntry>(Plan.ExpectedJournalEntries);
    }

    public WorkflowDefinition Definition { get; }

    /// <summary>Lookups derived from <see cref="Definition"/> once and shared by every execution of it.</summary>
    public DefinitionPlan Plan { get; }

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

    public IReadOnlyCollection<VariableDefinition> VariableDefinitions => Plan.Variables;

    public VariableDefinition? FindVariable(string name) => Plan.FindVariable(name);

    public VariableDefinition? FindVariableById(string id) => Plan.FindVariableById(id);

    /// <summary>Returns what the execution borrowed (the script engine); the execution must not run afterwards.</summary>
    public void Release() => _expressions?.Release();

    public static string NewId() => RandomIds.Next();

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
                var activity = scope is null ? null : GraphOf(scope).Flowchart.Find(item.ActivityId);
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
        if (FindScope(item.ScopeId) is not { } scope || GraphOf(scope).Node(item.ActivityId) is not { } node) return;
        await RunActivityAsync(scope, node.Activity, item.ActivityInstanceId, null, null);
    }

    private void Settle()
    {
        State.UpdatedAt = Now;
        if (State.Status != WorkflowStatus.Running) return;
        if (State.Scopes.Count == 0) FinishWorkflow(WorkflowSubStatus.Finished);
        else State.SubStatus = WorkflowSubStatus.Suspended;
    }

    internal FlowchartDefinition FlowchartOf(FlowScopeState scope) => GraphOf(scope).Flowchart;

    internal FlowGraph GraphOf(FlowScopeState scope) => Plan.Graph(scope.FlowchartActivityId);

    internal FlowScopeState? FindScope(string scopeId)
    {
        foreach (var scope in State.Scopes)
        {
            if (scope.ScopeId == scopeId) return scope;
        }

        return null;
    }

    internal WorkItem Schedule(FlowScopeState scope, string activityId)
    {
        var item = new WorkItem(activityId, scope.ScopeId, NewId());
        State.Queue.Add(item);
        return item;
    }
}
