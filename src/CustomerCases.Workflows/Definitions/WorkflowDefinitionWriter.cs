using System.Text;
using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>Writes a definition back as the JSON it was read from, so Studio gets back exactly what it exported.</summary>
public static class WorkflowDefinitionWriter
{
    /// <summary>The definition's original JSON (without BOM), indented.</summary>
    public static string Write(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            definition.Json.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
