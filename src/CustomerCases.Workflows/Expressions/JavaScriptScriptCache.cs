using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Parsed scripts shared by all executions, so a script is parsed once per process, not once per run.</summary>
internal sealed class JavaScriptScriptCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);

    /// <summary>The prepared script; throws the parser's exception on a syntax error.</summary>
    public Prepared<Script> Get(string source)
    {
        if (_scripts.TryGetValue(source, out var prepared)) return prepared;
        prepared = Prepare(source);
        // Definitions are few; the bound only protects against scripts generated per request.
        if (_scripts.Count < MaxEntries) _scripts.TryAdd(source, prepared);
        return prepared;
    }

    public int Count => _scripts.Count;

    /// <summary>Parses without running (used by the validator too).</summary>
    public static Prepared<Script> Prepare(string source) => Engine.PrepareScript(source, strict: false);
}
