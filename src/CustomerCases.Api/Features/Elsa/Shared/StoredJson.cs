using System.Text.Json.Nodes;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// A definition is answered as the JSON we stored — what Studio saved — plus Elsa's HATEOAS <c>links</c>, which Studio
/// reads to decide whether the designer may edit, publish and delete (no links: read-only mode).
/// </summary>
internal static class StoredJson
{
    public static IResult Ok(string json, int statusCode = 200) => Json(Linked(json), statusCode);

    /// <summary>Elsa's answer to save and publish. No workflow is used as an activity here, so no consumer is updated.</summary>
    public static IResult Saved(string json, bool alreadyPublished, int statusCode = 200) =>
        Json(new JsonObject { ["workflowDefinition"] = Linked(json), ["alreadyPublished"] = alreadyPublished, ["consumingWorkflowCount"] = 0 }, statusCode);

    /// <summary>One stored definition as it appears in a list answer (with its links).</summary>
    public static JsonObject Model(string json) => Linked(json);

    /// <summary>Elsa's plain list <c>{items, count}</c> of stored models.</summary>
    public static IResult List(IReadOnlyList<JsonObject> items) =>
        Json(new JsonObject { ["items"] = new JsonArray(items.Cast<JsonNode?>().ToArray()), ["count"] = items.Count }, 200);

    private static JsonObject Linked(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        StudioShape.Complete(document);
        document["links"] = DefinitionLinks.ForDefinition(document["definitionId"]?.GetValue<string>() ?? "");
        return document;
    }

    private static IResult Json(JsonObject body, int statusCode) =>
        Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, statusCode);
}
