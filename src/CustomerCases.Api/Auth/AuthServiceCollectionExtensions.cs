using CustomerCases.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CustomerCases.Api.Auth;

internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddCustomerCasesAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<ApiKeyValidator>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint that forgets to state its roles still needs a key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(AdminOnlyPolicy, p => p.RequireRole(Roles.Admin));
        return services;
    }

    public const string AdminOnlyPolicy = "admin-only";

    /// <summary>Requires one of the given roles; admin may call every endpoint, so it is always allowed.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireRole([.. roles, Roles.Admin]));
}
