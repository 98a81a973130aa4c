using CustomerCases.Api.Features.Elsa.Shared;

namespace CustomerCases.Api.Features.Elsa.Server;

/// <summary>
/// What Studio asks about the server at start. GET /elsa/api/features/installed: Studio switches on its optional
/// modules (agents, secrets, workflow contexts, log streaming, …) for the features listed; we have none of those
/// server modules, so the list is empty and Studio shows only what we serve. GET /elsa/api/package/version: the Elsa
/// version our API follows (3.x), shown by Studio.
/// </summary>
internal static class ServerInfo
{
    internal sealed record Feature(string Name, string Namespace, string FullName, string DisplayName, string Description);

    public static IResult InstalledFeatures() => Results.Ok(new ItemList<Feature>([]));

    public static IResult InstalledFeature(string fullName) =>
        Results.Problem(statusCode: 404, title: "Feature not installed", detail: $"The server feature '{fullName}' is not installed on CustomerCases.");

    public static IResult PackageVersion() => Results.Ok(new { packageVersion = "3.8.2" });
}
