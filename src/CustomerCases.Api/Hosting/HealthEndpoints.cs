using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CustomerCases.Api.Hosting;

internal static class HealthEndpoints
{
    /// <summary>Probes for orchestrators: anonymous by design, and they reveal nothing but up/down.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
