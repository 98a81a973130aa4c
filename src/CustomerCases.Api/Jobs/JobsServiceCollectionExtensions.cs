using CustomerCases.Api.Auth;
using CustomerCases.Persistence;
using Hangfire;
using Hangfire.PostgreSql;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Hangfire is only a waker: what must not be lost (timers, accepted work) is in our own tables, and jobs re-read
/// it. So in embedded mode its in-memory storage is enough; with PostgreSQL every node shares Hangfire's tables.
/// </summary>
internal static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddCustomerCasesJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(options);
        services.AddHangfire((sp, h) =>
        {
            h.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var database = sp.GetRequiredService<DatabaseConnection>();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                h.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true });
            }
            else
            {
                h.UseInMemoryStorage();
            }
        });
        if (options.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = options.SchedulePollingInterval;
                o.WorkerCount = options.WorkerCount;
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });
            if (options.TimerPollInterval > TimeSpan.Zero)
            {
                services.AddHostedService<DueTimerPollingService>();
            }
        }

        services.AddSingleton<TimerMetrics>();
        services.AddSingleton<DueTimerPoller>();
        services.AddSingleton<IDueTimerTable, WorkflowTimerTable>();
        services.AddScoped<SweepTimersJob>(); // over every IDueTimerTable (the SLA registers its own table)

        services.AddScoped<PurgeIdempotencyRecordsJob>();
        return services;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(AuthServiceCollectionExtensions.AdminOnlyPolicy, "/hangfire");
        return app;
    }

    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<PurgeIdempotencyRecordsJob>(PurgeIdempotencyRecordsJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<SweepTimersJob>(SweepTimersJob.Id, j => j.RunAsync(false, CancellationToken.None), Cron.Minutely());
        foreach (var former in SweepTimersJob.FormerIds)
        {
            recurring.RemoveIfExists(former);
        }

        var triage = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Triage.TriageOptions>>().Value;
        recurring.AddOrUpdate<TrainTriageModelJob>(TrainTriageModelJob.RecurringId, j => j.RetrainAsync(null, CancellationToken.None), triage.RetrainCron);
        // At start: a wake-up for every unfired timer within reach (in-memory Hangfire storage forgot them with the last process).
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SweepTimersJob>(j => j.RunAsync(true, CancellationToken.None));
        return app;
    }
}
