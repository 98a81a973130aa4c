using System.Text.Json.Nodes;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>Small Elsa 3 workflow documents built in code, shaped as Studio exports them.</summary>
internal static class ElsaWorkflows
{
    public static JsonObject Expr(string type, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    public static JsonObject Literal(string value, string typeName = "String") => Expr("Literal", value, typeName);

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs) => Make(id, type, false, inputs);

    public static JsonObject Trigger(string id, string type, params (string Name, JsonNode? Value)[] inputs) => Make(id, type, true, inputs);

    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Literal(text)));

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    /// <summary>Start → each activity in order.</summary>
    public static JsonObject Sequence(string definitionId, params JsonObject[] activities)
    {
        var all = new List<JsonObject> { Activity("Start1", "Elsa.Start") };
        all.AddRange(activities);
        var connections = all.Zip(all.Skip(1), (a, b) => Connection(Id(a), Id(b))).ToList();
        return Definition(definitionId, all, connections);
    }

    /// <summary>Activities in order without a Start: the first is the (trigger) entry.</summary>
    public static JsonObject Chain(string definitionId, params JsonObject[] activities) =>
        Definition(definitionId, activities, activities.Zip(activities.Skip(1), (a, b) => Connection(Id(a), Id(b))).ToList());

    public static JsonObject Definition(string definitionId, IEnumerable<JsonObject> activities, IEnumerable<JsonObject> connections, JsonArray? variables = null) => new()
    {
        ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
        ["id"] = definitionId + "-v1",
        ["definitionId"] = definitionId,
        ["name"] = "Test " + definitionId,
        ["description"] = "built by the Elsa API tests",
        ["createdAt"] = "2026-01-01T00:00:00+00:00",
        ["version"] = 1,
        ["toolVersion"] = "3.5.0.0",
        ["variables"] = variables ?? [],
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["outcomes"] = new JsonArray(),
        ["customProperties"] = new JsonObject(),
        ["isReadonly"] = false,
        ["isSystem"] = false,
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["options"] = new JsonObject { ["autoUpdateConsumingWorkflows"] = false },
        ["root"] = new JsonObject
        {
            ["id"] = "root", ["nodeId"] = "Workflow1:root", ["name"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["customProperties"] = new JsonObject(), ["metadata"] = new JsonObject(), ["variables"] = new JsonArray(),
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private static JsonObject Make(string id, string type, bool canStart, (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["nodeId"] = $"Workflow1:root:{id}", ["name"] = id, ["type"] = type, ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = canStart, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } },
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }
}
