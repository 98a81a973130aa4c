using System.Collections.Concurrent;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// Idle <see cref="JavaScriptRunner"/>s, by the options they were built with and the variable functions they define.
/// Building a sandboxed Jint engine and its workflow functions costs more than running a short script many times over,
/// so an execution borrows one and gives it back clean (globals restored; see <see cref="ScriptReuseCheck"/>).
/// Bounded, so a burst of concurrency or many definitions cannot pin unbounded memory.
/// </summary>
internal sealed class JavaScriptEnginePool
{
    private const int MaxShelves = 64;
    private static readonly int MaxPerShelf = Math.Max(4, 2 * Environment.ProcessorCount);
    private readonly ConcurrentDictionary<(WorkflowOptions Options, string Functions), ConcurrentQueue<JavaScriptRunner>> _shelves = new();

    /// <summary>An idle runner built for these options and variable functions, or null.</summary>
    public JavaScriptRunner? TryTake(WorkflowOptions options, string functions) =>
        _shelves.TryGetValue((options, functions), out var shelf) && shelf.TryDequeue(out var runner) ? runner : null;

    /// <summary>Keeps a clean runner for later; false when the pool is full (the caller drops it).</summary>
    public bool TryReturn(WorkflowOptions options, string functions, JavaScriptRunner runner)
    {
        if (!_shelves.TryGetValue((options, functions), out var shelf))
        {
            if (_shelves.Count >= MaxShelves) return false;
            shelf = _shelves.GetOrAdd((options, functions), _ => new ConcurrentQueue<JavaScriptRunner>());
        }

        if (shelf.Count >= MaxPerShelf) return false;
        shelf.Enqueue(runner);
        return true;
    }

    /// <summary>Idle runners in the pool (for tests).</summary>
    public int IdleCount => _shelves.Values.Sum(s => s.Count);
}
