using System.Text;
using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>
/// Reads Elsa 3 workflow JSON as Studio exports it. Unknown activity types and expression languages are read as they are
/// (validation reports them); only documents that are not Elsa 3 definitions at all are refused with an exception.
/// </summary>
public static class WorkflowDefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a definition from JSON text (a leading BOM is ignored).</summary>
    /// <exception cref="WorkflowDefinitionFormatException">Malformed JSON, an Elsa 2 export, or no root activity.</exception>
    public static WorkflowDefinition Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));
    }

    /// <summary>Reads a definition from UTF-8 bytes (a leading BOM is ignored).</summary>
    /// <exception cref="WorkflowDefinitionFormatException">Malformed JSON, an Elsa 2 export, or no root activity.</exception>
    public static WorkflowDefinition Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionFormatException($"The workflow definition is not valid JSON: {e.Message}", e);
        }

        return ReadDocument(root);
    }

    /// <summary>Reads a definition from a file.</summary>
    public static WorkflowDefinition ReadFile(string path) => Read(File.ReadAllBytes(path));

    private static WorkflowDefinition ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new WorkflowDefinitionFormatException("A workflow definition must be a JSON object.");
        if (Elsa2Detector.IsElsa2(root))
            throw new WorkflowDefinitionFormatException(
                "This is an Elsa 2 export (flat 'activities' with 'activityId' and 'sourceActivityId'/'targetActivityId' connections). " +
                "Only Elsa 3 workflow JSON is supported: recreate the workflow in Elsa 3 Studio and export it again.");
        if (root.Child("root") is not { ValueKind: JsonValueKind.Object } rootActivity)
            throw new WorkflowDefinitionFormatException("The workflow definition has no 'root' activity (an Elsa.Flowchart).");

        var variables = ReadVariables(root.Child("variables"));
        var inputs = root.Child("inputs").Items()
            .Select(i => new WorkflowInputDefinition(i.Text("name") ?? "", i.Text("type") ?? i.Text("typeName") ?? "Object", i.Text("displayName")))
            .ToArray();
        var activity = ActivityReader.Read(rootActivity);
        var flowchart = activity.Flowchart
            ?? new FlowchartDefinition(activity.Id + ":root", [activity], [], []);
        var definitionId = root.Text("definitionId") ?? root.Text("id") ?? "";
        var options = root.Child("options");
        return new WorkflowDefinition(
            Id: root.Text("id") ?? definitionId,
            DefinitionId: definitionId,
            Name: root.Text("name") ?? definitionId,
            Version: root.Int("version", 1),
            Variables: variables,
            Inputs: inputs,
            IncidentStrategy: options?.Text("incidentStrategyType"),
            Root: flowchart,
            Json: root);
    }

    internal static VariableDefinition[] ReadVariables(JsonElement? variables) =>
        variables.Items()
            .Select(v => new VariableDefinition(
                v.Text("id") ?? v.Text("name") ?? "",
                v.Text("name") ?? v.Text("id") ?? "",
                v.Text("typeName") ?? "Object",
                v.Flag("isArray") ?? false,
                v.Child("value")))
            .ToArray();
}
