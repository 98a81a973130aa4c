using System.Text.Json.Nodes;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// Elsa's links (<c>{href, rel, method}</c>, relative to /elsa/api). Studio shows a list or an editor read-only unless
/// the list has <c>bulk-publish</c> and the definition <c>publish</c>: every caller of these endpoints is a designer or
/// an admin, who may do all of it, so every link is always given.
/// </summary>
internal static class DefinitionLinks
{
    public static JsonArray ForList() =>
    [
        Link("/workflow-definitions", "self", "GET"),
        Link("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
        Link("/workflow-definitions/query/count", "count", "GET"),
        Link("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        Link("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"),
        Link("/bulk-actions/delete/workflow-definitions/by-id", "bulk-delete-by-id", "POST"),
        Link("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
        Link("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"),
        Link("/workflow-definitions/import", "import", "POST"),
        Link("/workflow-definitions/import-files", "import-files", "POST"),
        Link("/workflow-definitions", "create", "POST"),
    ];

    public static JsonArray ForDefinition(string definitionId)
    {
        var id = Uri.EscapeDataString(definitionId);
        return
        [
            Link($"/workflow-definitions/{id}", "self", "GET"),
            Link($"/workflow-definitions/by-definition-id/{id}", "self", "GET"),
            Link($"/workflow-definitions/{id}/versions", "versions", "GET"),
            Link($"/workflow-definitions/{id}/dispatch", "dispatch", "POST"),
            Link($"/workflow-definitions/{id}/execute", "execute", "POST"),
            Link($"/workflow-definitions/{id}/export", "export", "GET"),
            Link($"/workflow-definitions/{id}/publish", "publish", "POST"),
            Link($"/workflow-definitions/{id}/retract", "retract", "POST"),
            Link($"/workflow-definitions/{id}", "delete", "DELETE"),
            Link($"/workflow-definitions/{id}/import", "import", "PUT"),
        ];
    }

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };
}
