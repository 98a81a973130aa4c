using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// A sandboxed Jint engine for one execution, with Elsa's workflow functions. No CLR access is granted; values cross the
/// boundary as JSON only, so scripts never see .NET objects. Time, statement, recursion and memory limits apply per call.
/// </summary>
internal sealed class JavaScriptRunner
{
    private readonly WorkflowExecution _execution;
    private readonly Engine _engine;
    private ActivityContext? _current;

    public JavaScriptRunner(WorkflowExecution execution)
    {
        _execution = execution;
        var options = execution.Services.Options;
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
        RegisterFunctions();
    }

    public JsonNode? Evaluate(string script, ActivityContext context)
    {
        var prepared = _execution.Services.Scripts.Get(script);
        _current = context;
        try
        {
            return JsBridge.ToJson(_engine, _engine.Evaluate(prepared));
        }
        finally
        {
            _current = null;
        }
    }

    private ActivityContext Current => _current ?? throw new InvalidOperationException("No activity is evaluating a script.");

    private void RegisterFunctions()
    {
        var state = _execution.State;
        Define("getVariable", args => JsBridge.ToJs(_engine, Current.GetVariable(Text(args, 0))));
        Define("setVariable", args =>
        {
            Current.SetVariable(Text(args, 0), JsBridge.ToJson(_engine, Arg(args, 1)));
            return JsValue.Undefined;
        });
        foreach (var variable in _execution.VariableDefinitions.Where(v => JsBridge.IsIdentifier(v.Name)))
        {
            var name = variable.Name;
            Define("get" + name, _ => JsBridge.ToJs(_engine, Current.GetVariable(name)));
            Define("set" + name, args =>
            {
                Current.SetVariable(name, JsBridge.ToJson(_engine, Arg(args, 0)));
                return JsValue.Undefined;
            });
        }

        Define("getInput", args => JsBridge.ToJs(_engine, state.Input.GetValueOrDefault(Text(args, 0))));
        Define("getWorkflowInstanceId", _ => state.InstanceId);
        Define("getCorrelationId", _ => state.CorrelationId is null ? JsValue.Null : new JsString(state.CorrelationId));
        Define("setCorrelationId", args =>
        {
            state.CorrelationId = Arg(args, 0).IsNull() || Arg(args, 0).IsUndefined() ? null : Arg(args, 0).ToString();
            return JsValue.Undefined;
        });
        Define("getOutputFrom", args => JsBridge.ToJs(_engine, ActivityOutputs.Find(_execution, Text(args, 0), args.Length > 1 ? Text(args, 1) : null)));
        Define("getLastResult", _ => JsBridge.ToJs(_engine, ActivityOutputs.Last(_execution)));
        Define("getCase", _ => JsBridge.ToJs(_engine, _execution.CaseSnapshot));
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
