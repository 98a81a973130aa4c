using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Evaluates Elsa typed expressions for one execution; JavaScript goes through a sandboxed Jint engine.</summary>
internal sealed class ExpressionEvaluator(WorkflowExecution execution)
{
    private JavaScriptRunner? _javaScript;

    public ValueTask<JsonNode?> EvaluateAsync(ExpressionDefinition? expression, ActivityContext context, string inputName) =>
        EvaluateAsync(PreparedExpression.From(expression), context, inputName);

    public ValueTask<JsonNode?> EvaluateAsync(PreparedExpression? expression, ActivityContext context, string inputName)
    {
        if (expression is null) return ValueTask.FromResult<JsonNode?>(null);
        return expression.Language switch
        {
            ExpressionLanguage.Literal or ExpressionLanguage.Object => ValueTask.FromResult(expression.StaticValue()),
            ExpressionLanguage.Variable => ValueTask.FromResult(VariableReference(expression.Definition)?.DeepClone()),
            ExpressionLanguage.Input => ValueTask.FromResult(execution.State.Input.GetValueOrDefault(expression.Definition.ValueText ?? "")?.DeepClone()),
            ExpressionLanguage.JavaScript => EvaluateJavaScriptAsync(expression, context, inputName),
            _ => throw new WorkflowExpressionException(
                $"Input '{inputName}' uses the expression language '{expression.Definition.Type}', which this engine does not run (JavaScript, Literal, Object, Variable only)."),
        };
    }

    /// <summary>Gives the pooled script engine back; called once when the execution is over.</summary>
    public void Release()
    {
        _javaScript?.Release();
        _javaScript = null;
    }

    private async ValueTask<JsonNode?> EvaluateJavaScriptAsync(PreparedExpression expression, ActivityContext context, string inputName)
    {
        var script = expression.Script;
        if (string.IsNullOrWhiteSpace(script)) return null;
        // getCase() is synchronous inside the script, so the snapshot is fetched through the gateway beforehand.
        if (expression.UsesCase) await CaseSnapshots.EnsureLoadedAsync(execution);
        _javaScript ??= JavaScriptRunner.Rent(execution);
        try
        {
            return _javaScript.Evaluate(script, context);
        }
        catch (WorkflowExpressionException)
        {
            throw;
        }
#pragma warning disable CA1031 // Script failures of every kind (timeouts, limits, JS errors) become one clear incident.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new WorkflowExpressionException($"JavaScript in input '{inputName}' failed: {e.Message}", e);
        }
    }

    private JsonNode? VariableReference(ExpressionDefinition expression)
    {
        var reference = expression.Value.ValueKind == JsonValueKind.Object
            ? expression.Value.Text("name") ?? execution.FindVariableById(expression.Value.Text("id") ?? "")?.Name
            : expression.ValueText;
        if (reference is null) return null;
        var name = execution.FindVariable(reference)?.Name ?? execution.FindVariableById(reference)?.Name ?? reference;
        return execution.State.Variables.GetValueOrDefault(name);
    }
}
