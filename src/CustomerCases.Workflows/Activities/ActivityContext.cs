using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCases.Workflows.Activities;

/// <summary>One activity instance's view of the run: its inputs, outputs, bookmarks, effects and services.</summary>
internal sealed class ActivityContext
{
    private readonly FlowScopeState _scope;
    private readonly ActivityDefinition _node;
    private JournalPayload? _journalPayload;

    public ActivityContext(WorkflowExecution execution, FlowScopeState scope, ActivityDefinition node, ActivityPlan activity,
        string instanceId, Bookmark? resumedBookmark, JsonObject? input, bool isTriggerOfWorkflow)
    {
        Execution = execution;
        _scope = scope;
        _node = node;
        Plan = activity;
        Activity = activity.Activity;
        InstanceId = instanceId;
        ResumedBookmark = resumedBookmark;
        Input = input;
        IsTriggerOfWorkflow = isTriggerOfWorkflow;
    }

    public WorkflowExecution Execution { get; }

    /// <summary>The activity definition being run (a FlowNode's body when wrapped).</summary>
    public ActivityDefinition Activity { get; }

    /// <summary>What is derived once from <see cref="Activity"/>'s definition: its parsed inputs and the activity's own cache.</summary>
    public ActivityPlan Plan { get; }

    /// <summary>The id the flowchart knows this activity by.</summary>
    public string ActivityId => _node.Id;

    public string InstanceId { get; }

    /// <summary>Set when this run continues from a bookmark.</summary>
    public Bookmark? ResumedBookmark { get; }

    /// <summary>The resume input (or the trigger's stimulus input).</summary>
    public JsonObject? Input { get; }

    /// <summary>True when this activity is the trigger that started the workflow: it completes instead of waiting.</summary>
    public bool IsTriggerOfWorkflow { get; }

    public WorkflowState State => Execution.State;

    public DateTimeOffset Now => Execution.Now;

    public CancellationToken CancellationToken => Execution.CancellationToken;

    public ILogger Logger => Execution.Services.Logger;

    public WorkflowOptions Options => Execution.Services.Options;

    /// <summary>Extra data for this activity's Completed journal entry.</summary>
    public JournalPayload JournalPayload => _journalPayload ??= new JournalPayload();

    /// <summary>The journal data if an activity added any.</summary>
    public JournalPayload? JournalPayloadIfAny => _journalPayload;

    public bool TriggerDeclined { get; private set; }

    /// <summary>Outcomes chosen by a script through <c>setOutcome</c>/<c>setOutcomes</c> (RunJavaScript).</summary>
    public List<string>? ScriptOutcomes { get; set; }

    /// <summary>The trigger's condition rejected the stimulus: the workflow must not start.</summary>
    public void DeclineTrigger() => TriggerDeclined = true;

    public T GetRequiredService<T>() where T : notnull => Execution.Services.Services.GetRequiredService<T>();

    public T? GetService<T>() => Execution.Services.Services.GetService<T>();

    public ValueTask<JsonNode?> EvaluateAsync(string inputName) => Execution.Expressions.EvaluateAsync(Plan.Input(inputName), this, inputName);

    public ValueTask<JsonNode?> EvaluateAsync(ExpressionDefinition? expression, string inputName) =>
        Execution.Expressions.EvaluateAsync(expression, this, inputName);

    public async ValueTask<string?> EvaluateStringAsync(string inputName) => JsonValues.AsString(await EvaluateAsync(inputName));

    public async ValueTask<bool> EvaluateBooleanAsync(string inputName) => JsonValues.AsBoolean(await EvaluateAsync(inputName));

    public async ValueTask<TimeSpan?> EvaluateTimeSpanAsync(string inputName) => JsonValues.AsTimeSpan(await EvaluateAsync(inputName));

    /// <summary>
    /// Creates a bookmark for this activity instance; timers pass <paramref name="resumeAt"/>; an activity whose
    /// bookmark is found by an id it hands out (RunTask's taskId) passes that as <paramref name="id"/>.
    /// </summary>
    public Bookmark CreateBookmark(string name, JsonObject? payload, DateTimeOffset? resumeAt = null, bool includeInstanceId = false, string? id = null)
    {
        var bookmark = new Bookmark
        {
            Id = id ?? WorkflowExecution.NewId(),
            Name = name,
            Hash = BookmarkHasher.Compute(name, payload, includeInstanceId ? InstanceId : null),
            Payload = payload,
            ActivityId = ActivityId,
            ActivityNodeId = _node.NodeId,
            ActivityInstanceId = InstanceId,
            ScopeId = _scope.ScopeId,
            CreatedAt = Now,
            ResumeAt = resumeAt,
        };
        State.Bookmarks.Add(bookmark);
        return bookmark;
    }

    /// <summary>Records an output (for <c>getOutputFrom</c>) and writes it to the variable it is bound to, if any.</summary>
    public void SetOutput(string name, JsonNode? value)
    {
        if (!State.ActivityOutputs.TryGetValue(ActivityId, out var outputs)) State.ActivityOutputs[ActivityId] = outputs = [];
        outputs[name] = value?.DeepClone();
        State.LastResultActivityId = ActivityId;
        var property = char.ToLowerInvariant(name[0]) + name[1..];
        if (Activity.GetProperty(property) is { ValueKind: JsonValueKind.Object } binding
            && binding.Child("memoryReference")?.Text("id") is { } variableId
            && Execution.FindVariableById(variableId) is { } variable)
            SetVariable(variable.Name, value);
    }

    public JsonNode? GetVariable(string name) => State.Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets a variable, coercing to its declared type (e.g. <c>Int32</c>).</summary>
    public void SetVariable(string name, JsonNode? value) => State.Variables[name] = JsonValues.Coerce(value, Execution.Plan.KindOf(name));

    /// <summary>The case this workflow runs for: the correlation id read as a case id.</summary>
    public Guid RequireCaseId() =>
        Guid.TryParse(State.CorrelationId, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new WorkflowFaultException($"Case activities need the instance correlation id to be a case id; it is '{State.CorrelationId}'.");
}
