namespace CustomerCases.Api.Features.Shared;

internal static class ApiProblems
{
    public static IResult NotFound(string what, object id) =>
        Results.Problem(statusCode: 404, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has the id '{id}'.");

    public static IResult Conflict(string code, string title, string detail) =>
        Results.Problem(statusCode: 409, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult PreconditionFailed(string code, string detail) =>
        Results.Problem(statusCode: 412, title: "Precondition failed", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult Forbidden(string detail) => Results.Problem(statusCode: 403, title: "Forbidden", detail: detail);
}
