using System.Text.Json.Nodes;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// Fills in what Studio's designer needs but hand-written or imported JSON may leave out (Studio stops with an
/// unhandled error on a definition without, say, its variables or an activity's name and metadata). Only missing keys
/// are added, so a definition Studio saved comes back exactly as saved.
/// </summary>
internal static class StudioShape
{
    public static void Complete(JsonObject definition)
    {
        foreach (var list in new[] { "variables", "inputs", "outputs", "outcomes" })
        {
            definition[list] ??= new JsonArray();
        }

        definition["customProperties"] ??= new JsonObject();
        definition["options"] ??= new JsonObject();
        if (definition["root"] is JsonObject root)
        {
            Activity(root, "Workflow1");
        }
    }

    private static void Activity(JsonObject activity, string parentNodeId)
    {
        var id = activity["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N")[..16];
        activity["id"] ??= id;
        activity["name"] ??= id;
        activity["nodeId"] ??= $"{parentNodeId}:{id}";
        activity["version"] ??= 1;
        activity["customProperties"] ??= new JsonObject();
        activity["metadata"] ??= new JsonObject();
        if (activity["activities"] is JsonArray children)
        {
            activity["connections"] ??= new JsonArray();
            activity["variables"] ??= new JsonArray();
            foreach (var child in children.OfType<JsonObject>())
            {
                Activity(child, activity["nodeId"]!.GetValue<string>());
            }
        }
    }
}
