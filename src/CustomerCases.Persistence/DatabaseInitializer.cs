using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerCases.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Creates the SQLite folder, switches the file to WAL (a persistent property of the file) and applies pending
    /// migrations. On PostgreSQL, EF Core's migration lock lets several nodes start at once.
    /// </summary>
    public static async Task MigrateCustomerCasesDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = services.GetRequiredService<DatabaseConnection>();
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);

        // Which database this node uses is the first thing an operator asks ("where is my data?"); never the password.
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("CustomerCases.Database") ?? NullLogger.Instance;
        LogDatabase(logger, connection.Provider, Describe(connection));
    }

    private static string Describe(DatabaseConnection connection)
    {
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            return Path.GetFullPath(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
        }

        var postgres = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database: {Provider} at {Location}, migrated")]
    private static partial void LogDatabase(ILogger logger, DatabaseProvider provider, string location);
}
