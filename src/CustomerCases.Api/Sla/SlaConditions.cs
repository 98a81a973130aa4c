using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Policy conditions: JavaScript over the case (<c>case.priority == 'Urgent'</c>, or <c>getCase().priority</c>), run by
/// Jint in a sandbox — no CLR access, no eval, time/statement/recursion/memory limits. The case crosses as JSON only.
/// <c>case</c> is a JavaScript keyword, so <c>case.</c>/<c>case[</c> outside string literals is rewritten to a variable.
/// </summary>
internal sealed class SlaConditions
{
    private const string CaseVariable = "__case";

    /// <summary>How many wall-clock timeouts in a row a condition gets before it counts as failing (see <see cref="Evaluate"/>).</summary>
    private const int StarvedAttempts = 3;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ThreadLocal<Engine> _engine = new(CreateEngine);

    [ThreadStatic]
    private static JsonObject? t_lastSnapshot;

    [ThreadStatic]
    private static Engine? t_lastEngine;

    /// <summary>The rewritten script, or a syntax error.</summary>
    public string? Compile(string condition, out Prepared<Script>? prepared)
    {
        prepared = null;
        try
        {
            prepared = _scripts.GetOrAdd(condition, c => Engine.PrepareScript(Rewrite(c), strict: true));
            return null;
        }
        catch (Exception ex) when (ex is ScriptPreparationException or Acornima.ParseErrorException or JavaScriptException or ArgumentException)
        {
            return $"is not valid JavaScript: {ex.Message}";
        }
    }

    /// <summary>Evaluates a condition against a case snapshot; a script error is thrown as <see cref="SlaConditionException"/>.</summary>
    public bool Evaluate(string condition, JsonObject caseSnapshot)
    {
        var error = Compile(condition, out var prepared);
        if (error is not null)
        {
            throw new SlaConditionException(condition, error);
        }

        // The wall-clock limit is only a backstop (the statement limit stops loops deterministically), so a timeout means
        // this process was starved — cold JIT on busy cores — not that the condition is bad. A condition is a pure
        // function of the frozen snapshot, so it is run again before the timeout counts. Without this the startup lint
        // (SlaConditionLint) reported `case.priority == 'Urgent'` as failing and the service refused to start at load ≈ 40–50.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return EvaluateOnce(prepared!.Value, caseSnapshot);
            }
            catch (TimeoutException) when (attempt < StarvedAttempts)
            {
                t_lastSnapshot = null; // the snapshot may not have been set completely
            }
            catch (Exception ex) when (ex is JavaScriptException or ExecutionCanceledException or TimeoutException
                                           or StatementsCountOverflowException or MemoryLimitExceededException or RecursionDepthOverflowException)
            {
                throw new SlaConditionException(condition, ex.Message);
            }
        }
    }

    private bool EvaluateOnce(Prepared<Script> script, JsonObject caseSnapshot)
    {
        var engine = _engine.Value!;
        // Policies are tried in order against one snapshot: parse it into the engine once, not once per policy.
        if (!ReferenceEquals(t_lastSnapshot, caseSnapshot) || !ReferenceEquals(t_lastEngine, engine))
        {
            // Frozen, so a condition cannot change what the next policy's condition sees.
            engine.SetValue(CaseVariable, FrozenJsValues.From(engine, caseSnapshot));
            (t_lastSnapshot, t_lastEngine) = (caseSnapshot, engine);
        }

        return TypeConverter.ToBoolean(engine.Evaluate(script));
    }

    private static Engine CreateEngine()
    {
        var engine = new Engine(o =>
        {
            // The statement limit stops loops deterministically; the wall-clock limit is only a backstop, generous
            // because the first evaluations of a cold process pay for JIT compilation (200 ms failed at start on 2 busy cores).
            o.TimeoutInterval(TimeSpan.FromSeconds(2))
                .MaxStatements(10_000)
                .LimitRecursion(64)
                .LimitMemory(4_000_000)
                .DisableStringCompilation();
            o.Constraints.RegexTimeout = TimeSpan.FromSeconds(1);
        });
        engine.Execute($"function getCase() {{ return {CaseVariable}; }}");
        return engine;
    }

    /// <summary>Replaces the identifier <c>case</c> before <c>.</c> or <c>[</c> with the case variable, outside string and template literals.</summary>
    internal static string Rewrite(string condition)
    {
        var sb = new StringBuilder(condition.Length + 16);
        for (var i = 0; i < condition.Length; i++)
        {
            var ch = condition[i];
            if (ch is '\'' or '"' or '`')
            {
                var end = i + 1;
                while (end < condition.Length && condition[end] != ch)
                {
                    end += condition[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, condition.Length - 1);
                sb.Append(condition, i, end - i + 1);
                i = end;
                continue;
            }

            if (ch == 'c' && string.CompareOrdinal(condition, i, "case", 0, 4) == 0
                && (i == 0 || !IsIdentifierChar(condition[i - 1]))
                && NextNonSpace(condition, i + 4) is '.' or '[')
            {
                sb.Append(CaseVariable);
                i += 3;
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static char NextNonSpace(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                return s[i];
            }
        }

        return '\0';
    }
}

internal sealed class SlaConditionException(string condition, string message) : Exception($"Condition `{condition}`: {message}")
{
    public string Condition { get; } = condition;
}
