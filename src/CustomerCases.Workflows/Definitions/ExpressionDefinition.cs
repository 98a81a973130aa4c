using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>An Elsa typed expression: <c>{"type": "JavaScript", "value": "..."}</c>, with the input's declared type name.</summary>
/// <param name="Type">Expression language: Literal, Object, Json, Variable, Input, JavaScript (others are refused by validation).</param>
/// <param name="Value">The raw JSON value; Object expressions usually carry JSON as a string.</param>
/// <param name="TypeName">The input's <c>typeName</c> (an Elsa alias or CLR name, kept as text only).</param>
public sealed record ExpressionDefinition(string Type, JsonElement Value, string? TypeName)
{
    /// <summary>The value as text when it is a JSON string, else its raw JSON.</summary>
    public string? ValueText => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => Value.GetRawText(),
    };
}
