using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// Parsed scripts shared by all executions, so a script is parsed (and checked for engine reuse) once per process, not
/// once per run; and the pool of script engines those executions borrow.
/// </summary>
internal sealed class JavaScriptScriptCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, CachedScript> _scripts = new(StringComparer.Ordinal);

    /// <summary>The prepared script; throws the parser's exception on a syntax error.</summary>
    public CachedScript Get(string source)
    {
        if (_scripts.TryGetValue(source, out var cached)) return cached;
        var prepared = Prepare(source);
        cached = new CachedScript(prepared, prepared.Program is { } program ? ScriptReuseCheck.Check(program) : EngineAfterScript.Discard);
        // Definitions are few; the bound only protects against scripts generated per request.
        if (_scripts.Count < MaxEntries) _scripts.TryAdd(source, cached);
        return cached;
    }

    public int Count => _scripts.Count;

    /// <summary>Idle script engines, ready for the next execution.</summary>
    public JavaScriptEnginePool Engines { get; } = new();

    /// <summary>Parses without running (used by the validator too).</summary>
    public static Prepared<Script> Prepare(string source) => Engine.PrepareScript(source, strict: false);
}

/// <summary>A parsed script and what an engine that ran it needs before reuse (see <see cref="ScriptReuseCheck"/>).</summary>
internal sealed record CachedScript(Prepared<Script> Prepared, EngineAfterScript After);
