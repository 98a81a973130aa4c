using System.Text.Json.Nodes;

namespace CustomerCases.Benchmarks.Engine;

/// <summary>
/// Builds the G4 shape as Elsa 3 workflow JSON: <c>Elsa.Start</c> → 9 × <c>Elsa.SetVariable</c> on <c>Counter</c> →
/// <c>Elsa.End</c>, connected Done → In. With <c>javaScript</c> each step is <c>getCounter() + 1</c>; otherwise each step
/// sets the Literal value it would have computed (1..9), which isolates the engine from Jint.
/// </summary>
internal static class LinearDefinition
{
    public const int Increments = 9;

    public static string Json(bool javaScript)
    {
        var activities = new JsonArray { Activity("Start", "Elsa.Start") };
        for (var i = 1; i <= Increments; i++)
        {
            var step = Activity($"Set{i}", "Elsa.SetVariable");
            step["variable"] = new JsonObject { ["id"] = "var-counter", ["name"] = "Counter", ["typeName"] = "Int32" };
            step["value"] = new JsonObject
            {
                ["typeName"] = "Object",
                ["expression"] = javaScript
                    ? new JsonObject { ["type"] = "JavaScript", ["value"] = "getCounter() + 1" }
                    : new JsonObject { ["type"] = "Literal", ["value"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            activities.Add(step);
        }
        activities.Add(Activity("End", "Elsa.End"));

        var connections = new JsonArray();
        for (var i = 0; i < activities.Count - 1; i++)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = activities[i]!["id"]!.GetValue<string>(), ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = activities[i + 1]!["id"]!.GetValue<string>(), ["port"] = "In" },
            });
        }

        var name = javaScript ? "g4-linear-js" : "g4-linear-literal";
        var document = new JsonObject
        {
            ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
            ["id"] = name + "-v1",
            ["definitionId"] = name,
            ["name"] = name,
            ["version"] = 1,
            ["toolVersion"] = "3.5.0.0",
            ["variables"] = new JsonArray
            {
                new JsonObject { ["id"] = "var-counter", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = "0" },
            },
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["isPublished"] = true,
            ["root"] = new JsonObject
            {
                ["id"] = name + "-root",
                ["nodeId"] = "Workflow1:" + name + "-root",
                ["name"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = activities,
                ["connections"] = connections,
                ["variables"] = new JsonArray(),
            },
        };
        return document.ToJsonString();
    }

    private static JsonObject Activity(string id, string type) => new()
    {
        ["id"] = id,
        ["nodeId"] = "Workflow1:root:" + id,
        ["name"] = id,
        ["type"] = type,
        ["version"] = 1,
        ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
    };
}
