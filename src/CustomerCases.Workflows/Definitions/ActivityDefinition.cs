using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>
/// One activity of a flowchart as read from Elsa 3 JSON. <see cref="Json"/> is the activity's original JSON, kept so a
/// definition can be written back unchanged and so activities read their own inputs.
/// </summary>
public sealed record ActivityDefinition(
    string Id,
    string? NodeId,
    string? Name,
    string Type,
    int Version,
    bool CanStartWorkflow,
    bool RunAsynchronously,
    string? MergeMode,
    FlowchartDefinition? Flowchart,
    ActivityDefinition? Body,
    JsonElement Json)
{
    /// <summary>A raw property of the activity JSON (camelCase input name), or null.</summary>
    public JsonElement? GetProperty(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>The typed expression of an input (<c>{"typeName", "expression": {type, value}}</c>), or null when absent.</summary>
    public ExpressionDefinition? GetInput(string name)
    {
        if (GetProperty(name) is not { } input) return null;
        if (input.ValueKind != JsonValueKind.Object) return new ExpressionDefinition("Literal", input, null);
        var typeName = input.TryGetProperty("typeName", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!input.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.Object) return null;
        var type = expression.TryGetProperty("type", out var et) && et.ValueKind == JsonValueKind.String ? et.GetString() ?? "Literal" : "Literal";
        var value = expression.TryGetProperty("value", out var v) ? v : default;
        return new ExpressionDefinition(type, value, typeName);
    }

    /// <summary>Every typed-expression input of this activity, by property name (also those nested in FlowSwitch cases).</summary>
    public IEnumerable<(string Input, ExpressionDefinition Expression)> GetAllExpressions()
    {
        if (Json.ValueKind != JsonValueKind.Object) yield break;
        foreach (var property in Json.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("expression", out _)
                && GetInput(property.Name) is { } expression)
                yield return (property.Name, expression);
        }

        if (GetProperty("cases") is { ValueKind: JsonValueKind.Array } cases)
        {
            foreach (var c in cases.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
                {
                    var type = condition.TryGetProperty("type", out var ct) ? ct.GetString() ?? "Literal" : "Literal";
                    var value = condition.TryGetProperty("value", out var cv) ? cv : default;
                    yield return ("cases", new ExpressionDefinition(type, value, "Boolean"));
                }
            }
        }
    }
}
