using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// A sandboxed Jint engine with Elsa's workflow functions, bound to one execution at a time. No CLR access is granted;
/// values cross the boundary as JSON only, so scripts never see .NET objects. Time, statement, recursion and memory
/// limits apply per call. Runners are pooled (<see cref="JavaScriptEnginePool"/>): after an execution the engine's
/// globals are restored to the state captured right after construction (skipped when no script could have changed
/// them), and an engine that ran a script which could have changed anything a restore does not revert, or that
/// failed, is dropped instead.
/// </summary>
internal sealed class JavaScriptRunner
{
    private readonly Engine _engine;
    private readonly GlobalSnapshot _clean;
    private readonly WorkflowOptions _options;
    private readonly string _functions;
    private readonly JavaScriptEnginePool _pool;
    private WorkflowExecution? _execution;
    private ActivityContext? _current;
    private EngineAfterScript _after;

    private JavaScriptRunner(JavaScriptEnginePool pool, WorkflowOptions options, DefinitionPlan plan)
    {
        _pool = pool;
        _options = options;
        _functions = plan.ScriptFunctionNames;
        _engine = new Engine(o =>
        {
            o.TimeoutInterval(options.ScriptTimeout)
                .MaxStatements(options.ScriptMaxStatements)
                .LimitRecursion(options.ScriptMaxRecursion)
                .LimitMemory(options.ScriptMemoryLimitBytes)
                // No eval/new Function: a script cannot build code the validator never saw.
                .DisableStringCompilation();
            // A regular expression runs as one step, so it needs its own time limit.
            o.Constraints.RegexTimeout = options.ScriptTimeout;
        });
        RegisterFunctions(plan);
        _clean = _engine.Advanced.CaptureGlobalSnapshot();
    }

    /// <summary>A runner for this execution: an idle pooled one built for the same options and variables, or a new one.</summary>
    public static JavaScriptRunner Rent(WorkflowExecution execution)
    {
        var options = execution.Services.Options;
        var plan = execution.Plan;
        var pool = execution.Services.Scripts.Engines;
        var runner = pool.TryTake(options, plan.ScriptFunctionNames) ?? new JavaScriptRunner(pool, options, plan);
        runner._execution = execution;
        return runner;
    }

    /// <summary>Unbinds the execution and pools the engine if every script it ran left it clean.</summary>
    public void Release()
    {
        _execution = null;
        _current = null;
        if (_after == EngineAfterScript.Discard) return;
        if (_after == EngineAfterScript.RestoreGlobals) _engine.Advanced.RestoreGlobalSnapshot(_clean);
        _after = EngineAfterScript.Reuse;
        _pool.TryReturn(_options, _functions, this);
    }

    public JsonNode? Evaluate(string script, ActivityContext context)
    {
        var cached = Execution.Services.Scripts.Get(script);
        // Marked before running: a script that throws half-way may already have changed something.
        if (cached.After > _after) _after = cached.After;
        _current = context;
        try
        {
            return JsBridge.ToJson(_engine, _engine.Evaluate(cached.Prepared));
        }
        catch
        {
            _after = EngineAfterScript.Discard;
            throw;
        }
        finally
        {
            _current = null;
        }
    }

    private WorkflowExecution Execution => _execution ?? throw new InvalidOperationException("The script engine is not bound to an execution.");

    private ActivityContext Current => _current ?? throw new InvalidOperationException("No activity is evaluating a script.");

    private void RegisterFunctions(DefinitionPlan plan)
    {
        Define("getVariable", args => JsBridge.ToJs(_engine, Current.GetVariable(Text(args, 0))));
        Define("setVariable", args =>
        {
            Current.SetVariable(Text(args, 0), JsBridge.ToJson(_engine, Arg(args, 1)));
            return JsValue.Undefined;
        });
        foreach (var name in plan.ScriptFunctionNames.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Define("get" + name, _ => JsBridge.ToJs(_engine, Current.GetVariable(name)));
            Define("set" + name, args =>
            {
                Current.SetVariable(name, JsBridge.ToJson(_engine, Arg(args, 0)));
                return JsValue.Undefined;
            });
        }

        Define("getInput", args => JsBridge.ToJs(_engine, Execution.State.Input.GetValueOrDefault(Text(args, 0))));
        Define("getWorkflowInstanceId", _ => Execution.State.InstanceId);
        Define("getCorrelationId", _ => Execution.State.CorrelationId is { } id ? new JsString(id) : JsValue.Null);
        Define("setCorrelationId", args =>
        {
            Execution.State.CorrelationId = Arg(args, 0).IsNull() || Arg(args, 0).IsUndefined() ? null : Arg(args, 0).ToString();
            return JsValue.Undefined;
        });
        Define("getOutputFrom", args => JsBridge.ToJs(_engine, ActivityOutputs.Find(Execution, Text(args, 0), args.Length > 1 ? Text(args, 1) : null)));
        Define("getLastResult", _ => JsBridge.ToJs(_engine, ActivityOutputs.Last(Execution)));
        Define("getCase", _ => JsBridge.ToJs(_engine, Execution.CaseSnapshot));
        Define("setOutcome", args =>
        {
            Current.ScriptOutcomes = [Text(args, 0)];
            return JsValue.Undefined;
        });
        Define("setOutcomes", args =>
        {
            Current.ScriptOutcomes = JsonValues.AsStringList(JsBridge.ToJson(_engine, Arg(args, 0))).ToList();
            return JsValue.Undefined;
        });
    }

    private void Define(string name, Func<JsValue[], JsValue> body) =>
        _engine.SetValue(name, new ClrFunction(_engine, name, (_, args) => body(args)));

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string Text(JsValue[] args, int index) => Arg(args, index) is { } v && !v.IsUndefined() && !v.IsNull() ? v.ToString() : "";
}
