using CustomerCases.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "CustomerCases";

    /// <summary>Registers the database for the configured provider (Database:Provider) and returns the effective connection string.</summary>
    public static IServiceCollection AddCustomerCasesPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>() ?? new PersistenceOptions();
        var connectionString = ResolveConnectionString(configuration, options);
        services.AddSingleton(options);
        services.AddSingleton(new DatabaseConnection(options.Provider, connectionString));

        // Pooled contexts with options built once: a context per request cost every request a new options object, its
        // warning configuration and a new scope of EF's internal services (about a sixth of what a task completion
        // allocated). What the options hold (provider, interceptors) is singleton anyway; nothing of ours lives on a
        // context between requests (EF resets its change tracker when a context goes back to the pool).
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton(new WriteGate(serialise: true));
                services.AddDbContextPool<CustomerCasesDbContext, SqliteCustomerCasesDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqlitePragmaInterceptor(options.SqliteBusyTimeoutMs)));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddSingleton(new WriteGate(serialise: false));
                services.AddDbContextPool<CustomerCasesDbContext, PostgreSqlCustomerCasesDbContext>(o => o
                    .UseNpgsql(connectionString, n => n.EnableRetryOnFailure(0)));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or PostgreSql.");
        }

        return services;
    }

    private static string ResolveConnectionString(IConfiguration configuration, PersistenceOptions options)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                $"Database:Provider is PostgreSql but ConnectionStrings:{ConnectionStringName} is empty. " +
                $"Set it, e.g. ConnectionStrings__{ConnectionStringName}=\"Host=127.0.0.1;Database=customercases;Username=…;Password=…\".");
        }

        var folder = Path.GetFullPath(options.DataFolder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "customercases.db") }.ToString();
    }
}

/// <summary>The provider and connection string in effect (Hangfire and health checks share them).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
