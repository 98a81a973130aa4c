using System.Text.Json.Serialization;
using CustomerCases.Api.Features.Cases;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace CustomerCases.Api.Hosting;

internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCustomerCasesApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Malformed JSON or a wrong parameter type throws, so the exception handler answers with problem details.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton(new RequestLimits(configuration.GetValue("Api:MaxRequestBodyBytes", 1_048_576L)));
        services.AddScoped<CaseIntake>();
        return services;
    }

    public static WebApplication UseCustomerCasesPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>(app.Services.GetRequiredService<ApiServiceCollectionExtensions.RequestLimits>().MaxRequestBodyBytes);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    internal sealed record RequestLimits(long MaxRequestBodyBytes);

    private static void TryAddSingleton<T>(this IServiceCollection services, T instance)
        where T : class
    {
        if (services.All(d => d.ServiceType != typeof(T)))
        {
            services.AddSingleton(instance);
        }
    }
}
