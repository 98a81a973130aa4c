using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// What every execution of one (immutable) definition needs and would otherwise rebuild per run: the flowchart graphs
/// by id, the variables by name and id with their resolved kinds, and a cache of each activity's inputs. Built once per
/// definition object and shared by concurrent executions, so everything here is read-only or thread-safe.
/// </summary>
internal sealed class DefinitionPlan
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, DefinitionPlan> Cache = [];
    private readonly Dictionary<string, FlowGraph> _graphs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableDefinition> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableDefinition> _variablesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<ActivityDefinition, ActivityPlan> _activities = new(ReferenceEqualityComparer.Instance);

    private DefinitionPlan(WorkflowDefinition definition)
    {
        Index(definition.Root);
        foreach (var v in definition.AllVariables()) _variables.TryAdd(v.Name, v);
        // FindVariableById used to return the first variable (in name order of first declaration) with that id.
        foreach (var v in _variables.Values)
        {
            _variablesById.TryAdd(v.Id, v);
            _kinds[v.Name] = ElsaTypeNames.Resolve(v.TypeName, v.IsArray);
        }

        InitialValues = _variables.Values.Select(v => (v.Name, InitialValue(v, _kinds[v.Name]))).ToArray();
        foreach (var activity in definition.AllActivities()) _activities.TryAdd(activity, new ActivityPlan(activity));
        ExpectedJournalEntries = Math.Min(2 * (_activities.Count + _graphs.Count), 256);
        ScriptFunctionNames = string.Join('\n', _variables.Values.Select(v => v.Name).Where(JsBridge.IsIdentifier));
    }

    public static DefinitionPlan For(WorkflowDefinition definition) => Cache.GetValue(definition, d => new DefinitionPlan(d));

    public IReadOnlyCollection<VariableDefinition> Variables => _variables.Values;

    /// <summary>Each variable's initial value, to be deep-copied into a new instance (never handed out as is).</summary>
    public IReadOnlyList<(string Name, JsonNode? Template)> InitialValues { get; }

    /// <summary>Journal entries a straight run of every activity once writes (the journal list's initial capacity).</summary>
    public int ExpectedJournalEntries { get; }

    /// <summary>The variable names that get <c>getX()</c>/<c>setX(v)</c> script functions, as one key for engine pooling.</summary>
    public string ScriptFunctionNames { get; }

    public bool TryGetGraph(string flowchartId, out FlowGraph graph) => _graphs.TryGetValue(flowchartId, out graph!);

    public FlowGraph Graph(string flowchartId) => _graphs[flowchartId];

    public VariableDefinition? FindVariable(string name) => _variables.GetValueOrDefault(name);

    public VariableDefinition? FindVariableById(string id) => _variablesById.GetValueOrDefault(id);

    /// <summary>The declared kind of a variable, <see cref="ValueKind.Any"/> when it is not declared.</summary>
    public ValueKind KindOf(string name) => _kinds.GetValueOrDefault(name, ValueKind.Any);

    /// <summary>The cached view of an activity of this definition (a new, uncached one for a foreign activity).</summary>
    public ActivityPlan Activity(ActivityDefinition activity) => _activities.GetValueOrDefault(activity) ?? new ActivityPlan(activity);

    private static JsonNode? InitialValue(VariableDefinition v, ValueKind kind)
    {
        var value = JsonValues.Coerce(JsonValues.FromElement(v.Value), kind);
        if (value is JsonValue s && s.TryGetValue<string>(out var text) && text.Length == 0 && kind != ValueKind.String) value = null;
        return value ?? kind switch
        {
            ValueKind.Integer => JsonValue.Create(0),
            ValueKind.Number => JsonValue.Create(0.0),
            ValueKind.Boolean => JsonValue.Create(false),
            ValueKind.Array => new JsonArray(),
            _ => null,
        };
    }

    private void Index(FlowchartDefinition flowchart)
    {
        _graphs[flowchart.Id] = FlowGraph.For(flowchart);
        foreach (var a in flowchart.Activities)
        {
            if ((a.Flowchart ?? a.Body?.Flowchart) is { } nested) Index(nested);
        }
    }
}
