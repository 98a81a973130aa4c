using System.Collections.Concurrent;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// One activity's inputs read from its JSON once instead of on every run, and a slot for what an activity derives
/// from its own definition (e.g. the variable a SetVariable writes). Shared by concurrent executions.
/// </summary>
internal sealed class ActivityPlan(ActivityDefinition activity)
{
    private readonly ConcurrentDictionary<string, PreparedExpression?> _inputs = new(StringComparer.Ordinal);
    private object? _derived;

    public ActivityDefinition Activity { get; } = activity;

    /// <summary>The input's expression with its parsed literal value cached, or null when absent.</summary>
    public PreparedExpression? Input(string name) =>
        _inputs.TryGetValue(name, out var input) ? input : _inputs.GetOrAdd(name, static (n, a) => PreparedExpression.From(a.GetInput(n)), Activity);

    /// <summary>
    /// A value computed from the definition alone, once (races compute it twice, harmlessly). A factory that throws
    /// caches nothing, so a definition error is reported on every run as before.
    /// </summary>
    public T Derived<TState, T>(TState state, Func<ActivityDefinition, TState, T> factory) where T : class =>
        Volatile.Read(ref _derived) as T ?? (T)(_derived = factory(Activity, state));
}
