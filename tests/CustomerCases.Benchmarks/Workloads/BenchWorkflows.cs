using System.Text.Json.Nodes;

namespace CustomerCases.Benchmarks.Workloads;

/// <summary>
/// The workflow definitions (Elsa 3 JSON) the service scenarios run, written to a folder the service imports at start
/// (<c>Workflows__DefinitionsFolder</c>) instead of the shipped ones, so a scenario measures exactly its own shape.
/// </summary>
public static class BenchWorkflows
{
    /// <summary>The queue (pull) the task workflow's human tasks wait in.</summary>
    public const string TaskQueue = "bench";

    /// <summary>The event the event workflow waits for (correlated to its case).</summary>
    public const string ResumeEvent = "bench-resume";

    /// <summary>The event a completed task's workflow waits for next, so a completion ends at a new bookmark.</summary>
    public const string AfterTaskEvent = "bench-after-task";

    /// <summary>
    /// "bench-task": every new case → a human task in <see cref="TaskQueue"/> (outcome Done) → on completion an internal
    /// note on the case → waits for <see cref="AfterTaskEvent"/>. A completion therefore resumes, runs an activity that
    /// changes the case, and persists a new bookmark (G3: "run the next activities to the next bookmark").
    /// </summary>
    public static (string DefinitionId, string Json) TaskThenEvent() => ("bench-task", Flowchart("bench-task",
        [
            CaseCreated("Created1"),
            Activity("Task1", "CustomerCases.HumanTask",
                ("title", Literal("String", "Benchmark task")),
                ("queue", Literal("String", TaskQueue)),
                ("outcomes", Typed("String[]", "Object", "[\"Done\"]"))),
            Note("Note1", "Task done"),
            Activity("Wait1", "Elsa.Event", ("eventName", Literal("String", AfterTaskEvent))),
        ],
        [("Created1", "Done", "Task1"), ("Task1", "Done", "Note1"), ("Note1", "Done", "Wait1")]));

    /// <summary>"bench-event": every new case → waits for <see cref="ResumeEvent"/> → internal note → end.</summary>
    public static (string DefinitionId, string Json) EventThenNote() => ("bench-event", Flowchart("bench-event",
        [
            CaseCreated("Created1"),
            Activity("Wait1", "Elsa.Event", ("eventName", Literal("String", ResumeEvent))),
            Note("Note1", "Resumed"),
            Activity("End1", "Elsa.End"),
        ],
        [("Created1", "Done", "Wait1"), ("Wait1", "Done", "Note1"), ("Note1", "Done", "End1")]));

    /// <summary>Writes the definitions as <c>&lt;definitionId&gt;.json</c> into a fresh folder and returns it.</summary>
    public static string WriteFolder(string parent, string name, params (string DefinitionId, string Json)[] definitions)
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        foreach (var (id, json) in definitions)
        {
            File.WriteAllText(Path.Combine(folder, id + ".json"), json);
        }
        return folder;
    }

    private static JsonObject CaseCreated(string id)
    {
        var activity = Activity(id, "CustomerCases.CaseCreated");
        activity["customProperties"]!["canStartWorkflow"] = true;
        return activity;
    }

    private static JsonObject Note(string id, string text) => Activity(id, "CustomerCases.AddCaseMessage",
        ("kind", Literal("String", "InternalNote")), ("text", Literal("String", text)));

    private static JsonObject Literal(string typeName, string value) => Typed(typeName, "Literal", value);

    private static JsonObject Typed(string typeName, string expressionType, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = expressionType, ["value"] = value } };

    private static JsonObject Activity(string id, string type, params (string Name, JsonObject Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = "Workflow1:root:" + id,
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }
        return activity;
    }

    private static string Flowchart(string definitionId, JsonObject[] activities, (string From, string Port, string To)[] connections)
    {
        var document = new JsonObject
        {
            ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
            ["id"] = definitionId + "-v1",
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["toolVersion"] = "3.5.0.0",
            ["variables"] = new JsonArray(),
            ["isPublished"] = true,
            ["root"] = new JsonObject
            {
                ["id"] = definitionId + "-root",
                ["nodeId"] = "Workflow1",
                ["name"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = c.From, ["port"] = c.Port },
                    ["target"] = new JsonObject { ["activity"] = c.To, ["port"] = "In" },
                })]),
            },
        };
        return document.ToJsonString();
    }
}
