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

    public async ValueTask<JsonNode?> EvaluateAsync(ExpressionDefinition? expression, ActivityContext context, string inputName)
    {
        if (expression is null) return null;
        var type = expression.Type;
        if (type.Equals("Literal", StringComparison.OrdinalIgnoreCase))
            return Literal(expression);
        if (type.Equals("Object", StringComparison.OrdinalIgnoreCase) || type.Equals("Json", StringComparison.OrdinalIgnoreCase))
            return expression.Value.ValueKind == JsonValueKind.String ? JsonValues.ParseEmbedded(expression.Value.GetString()) : JsonValues.FromElement(expression.Value);
        if (type.Equals("Variable", StringComparison.OrdinalIgnoreCase))
            return VariableReference(expression)?.DeepClone();
        if (type.Equals("Input", StringComparison.OrdinalIgnoreCase))
            return execution.State.Input.GetValueOrDefault(expression.ValueText ?? "")?.DeepClone();
        if (type.Equals(ExpressionLanguages.JavaScript, StringComparison.OrdinalIgnoreCase))
            return await EvaluateJavaScriptAsync(expression.ValueText ?? "", context, inputName);
        throw new WorkflowExpressionException($"Input '{inputName}' uses the expression language '{type}', which this engine does not run (JavaScript, Literal, Object, Variable only).");
    }

    private async ValueTask<JsonNode?> EvaluateJavaScriptAsync(string script, ActivityContext context, string inputName)
    {
        if (string.IsNullOrWhiteSpace(script)) return null;
        // getCase() is synchronous inside the script, so the snapshot is fetched through the gateway beforehand.
        if (script.Contains("getCase", StringComparison.Ordinal)) await CaseSnapshots.EnsureLoadedAsync(execution);
        _javaScript ??= new JavaScriptRunner(execution);
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

    private static JsonNode? Literal(ExpressionDefinition expression) => expression.Value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => JsonValues.FromElement(expression.Value),
    };

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
