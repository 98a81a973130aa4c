using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>Builds small Elsa 3 workflow JSON documents in code, for variations too small for a fixture file.</summary>
internal static class ElsaJson
{
    public static JsonObject Expression(string type, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["nodeId"] = $"Workflow1:root:{id}", ["name"] = id, ["type"] = type, ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject(),
        };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    public static JsonObject Connection(string source, string target, string port = "Done") =>
        new()
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        };

    /// <summary>A workflow running Start → each activity in order.</summary>
    public static string Sequence(params JsonObject[] activities)
    {
        var all = new JsonArray(Activity("Start1", "Elsa.Start"));
        var connections = new JsonArray();
        var previous = "Start1";
        foreach (var a in activities)
        {
            all.Add(a);
            connections.Add(Connection(previous, a["id"]!.GetValue<string>()));
            previous = a["id"]!.GetValue<string>();
        }

        return Workflow(all, connections).ToJsonString();
    }

    public static JsonObject Workflow(JsonArray activities, JsonArray connections, JsonArray? variables = null) => new()
    {
        ["id"] = "test-v1", ["definitionId"] = "test", ["name"] = "test", ["version"] = 1,
        ["variables"] = variables ?? [], ["inputs"] = new JsonArray(), ["options"] = new JsonObject(),
        ["root"] = new JsonObject
        {
            ["id"] = "root", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = activities, ["connections"] = connections,
        },
    };

    public static WorkflowDefinition Script(string javaScript) =>
        WorkflowDefinitionReader.Read(Sequence(Activity("Script1", "Elsa.WriteLine", ("text", Expression("JavaScript", javaScript, "String")))));
}
