using System.Text.Json;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Api.Features.Elsa.Tests;

/// <summary>
/// The test values a designer gives variables in Studio ("Set Variable Test Value"): Studio keeps them with the
/// definition, in <c>customProperties.VariableTestValues</c>, an object of variable id (or name) → value. They replace
/// the variables' initial values in an activity test run only.
/// </summary>
internal static class TestValues
{
    public const string Key = "VariableTestValues";

    /// <summary>False when the property is there but not an object (Elsa refuses such a definition's test run too).</summary>
    public static bool TryRead(WorkflowDefinition definition, out IReadOnlyDictionary<string, JsonElement> values)
    {
        values = new Dictionary<string, JsonElement>();
        if (definition.Json.ValueKind != JsonValueKind.Object
            || !definition.Json.TryGetProperty("customProperties", out var custom) || custom.ValueKind != JsonValueKind.Object
            || !custom.TryGetProperty(Key, out var stored) || stored.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (stored.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        values = stored.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        return true;
    }
}
