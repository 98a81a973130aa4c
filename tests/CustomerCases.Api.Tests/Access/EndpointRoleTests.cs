using CustomerCases.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Access;

/// <summary>
/// "Every endpoint has an explicit role": the fallback policy only asks for some key, so an endpoint that forgot its
/// roles would be open to every key holder (an intake key could read cases). This walks every mapped endpoint.
/// </summary>
public sealed class EndpointRoleTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    // Anonymous on purpose: probes for load balancers, the API description, the Studio's static shell (its API calls
    // need a designer's key) and HTTP workflows (public as in Elsa: only HttpEndpoint triggers and open bookmarks answer).
    private static readonly string[] AnonymousPrefixes = ["/health/", "/openapi/", "/scalar", "/studio", "/workflows/"];

    [Fact]
    public async Task EveryEndpoint_NamesTheRolesItAllows_OrIsAKnownAnonymousOne()
    {
        var services = fixture.App.Services;
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found: the walk does not see the API");

        var anonymous = new List<string>();
        var withoutRoles = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
                continue;
            }

            var requirements = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements).ToList();
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Roles is { Length: > 0 })
                {
                    requirements.Add(new RolesAuthorizationRequirement(data.Roles.Split(',')));
                }
                else if (data.Policy is { } name && await policies.GetPolicyAsync(name) is { } policy)
                {
                    requirements.AddRange(policy.Requirements);
                }
            }

            if (!requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Any()))
            {
                withoutRoles.Add($"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {route}");
            }
        }

        Assert.Empty(withoutRoles);
        Assert.DoesNotContain(anonymous, route => !AnonymousPrefixes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("/health/live", anonymous); // the walk sees the anonymous ones too
    }
}
