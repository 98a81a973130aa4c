using Scalar.AspNetCore;

namespace CustomerCases.Api.Hosting;

internal static class ApiReferenceEndpoints
{
    /// <summary>The OpenAPI document and the Scalar reference page describe the API; they hold no data, so anyone may read them.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
