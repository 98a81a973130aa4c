using CustomerCases.Persistence.Providers;
using CustomerCases.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

internal static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// The SLA engine: definitions, the recalculation that rides on every save touching a case (EF interceptors, so
    /// no use case has to remember it), timer wake-ups, jobs and the escalation gateway for workflow activities.
    /// </summary>
    public static IServiceCollection AddCustomerCasesSla(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SlaOptions.SectionName).Get<SlaOptions>() ?? new SlaOptions();
        services.AddSingleton(options);
        services.AddSingleton<SlaConditions>();
        services.AddSingleton<SlaCatalog>();
        services.AddSingleton<SlaCalendarHistory>();
        services.AddSingleton<SlaRecalculator>();
        services.AddSingleton<SlaTimerScheduler>();
        services.AddSingleton<SlaSaveChangesInterceptor>();
        services.AddSingleton<Features.Shared.IDerivedChanges>(sp => sp.GetRequiredService<SlaSaveChangesInterceptor>());
        services.AddSingleton<SlaTransactionInterceptor>();
        services.AddScoped<SlaDefinitionStore>();
        services.AddScoped<FireSlaTimerJob>();
        services.AddSingleton<Jobs.IDueTimerTable, SlaTimerTable>();
        services.AddScoped<SlaRecomputeJob>();
        services.AddScoped<ICaseEscalationGateway, CaseEscalationGateway>();
        services.AddHostedService<SlaStartup>();
        // Both provider contexts (each has its own options type); the interceptors are added to whichever is registered.
        services.ConfigureDbContext<SqliteCustomerCasesDbContext>((sp, o) => AddInterceptors(sp, o), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgreSqlCustomerCasesDbContext>((sp, o) => AddInterceptors(sp, o), ServiceLifetime.Singleton);
        return services;
    }

    private static void AddInterceptors(IServiceProvider sp, DbContextOptionsBuilder options) =>
        options.AddInterceptors(sp.GetRequiredService<SlaSaveChangesInterceptor>(), sp.GetRequiredService<SlaTransactionInterceptor>());
}
