using CustomerCases.Workflows.Validation;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>RFC 7807 answers of the Elsa API: every refusal says what to fix; nothing a client sends becomes a 500.</summary>
internal static class ElsaProblems
{
    public static IResult DefinitionNotFound(string definitionId, string? versionOptions = null) =>
        Results.Problem(statusCode: 404, title: "Workflow definition not found",
            detail: versionOptions is null
                ? $"No workflow definition has the id '{definitionId}'."
                : $"Workflow definition '{definitionId}' has no version matching '{versionOptions}'.");

    public static IResult InstanceNotFound(string id) =>
        Results.Problem(statusCode: 404, title: "Workflow instance not found", detail: $"No workflow instance has the id '{id}'.");

    public static IResult Unreadable(string detail) =>
        Results.Problem(statusCode: 400, title: "Not an Elsa 3 workflow definition", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "unreadable_definition" });

    public static IResult BadRequest(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid", detail: message);

    /// <summary>Every validation error at once, keyed by the activity it belongs to (<c>workflow</c> when none).</summary>
    public static IResult Invalid(string definitionId, int version, ValidationReport report) =>
        Results.ValidationProblem(
            ErrorsByActivity(report),
            title: "The workflow definition is not valid",
            detail: $"Version {version} of '{definitionId}' was saved as a draft but not published: fix the errors listed per activity id.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "invalid_definition",
                ["definitionId"] = definitionId,
                ["version"] = version,
                ["validationErrors"] = ValidationErrors(report),
            });

    /// <summary>The messages of a report keyed by activity id (<c>workflow</c> when none), as the publish problem lists them.</summary>
    public static Dictionary<string, string[]> ErrorsByActivity(ValidationReport report) =>
        report.Errors.GroupBy(e => e.ActivityId ?? "workflow", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    public static IReadOnlyList<object> ValidationErrors(ValidationReport report) =>
        report.Errors.Select(e => (object)new { activityId = e.ActivityId, message = e.Message }).ToList();
}
