using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Activities;

/// <summary>Reads inputs without an execution (trigger indexing, validation): Literal and Object expressions only.</summary>
internal static class LiteralInputs
{
    public static string? Text(ActivityDefinition activity, string input) =>
        activity.GetInput(input) is { } e && IsStatic(e) ? e.ValueText : null;

    public static IReadOnlyList<string> List(ActivityDefinition activity, string input) =>
        activity.GetInput(input) is { } e && IsStatic(e)
            ? JsonValues.AsStringList(e.Value.ValueKind == System.Text.Json.JsonValueKind.String
                ? System.Text.Json.Nodes.JsonValue.Create(e.Value.GetString())
                : JsonValues.FromElement(e.Value))
            : [];

    public static bool IsStatic(ExpressionDefinition e) =>
        e.Type.Equals("Literal", StringComparison.OrdinalIgnoreCase) || e.Type.Equals("Object", StringComparison.OrdinalIgnoreCase)
        || e.Type.Equals("Json", StringComparison.OrdinalIgnoreCase);
}
