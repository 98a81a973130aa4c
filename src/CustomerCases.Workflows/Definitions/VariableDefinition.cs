using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>A workflow variable. <see cref="TypeName"/> is text (an Elsa alias or CLR name), never loaded as a type.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, JsonElement? Value);
