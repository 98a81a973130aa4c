using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerCases.Api.Tests.Support;

/// <summary>A real, empty database for one fixture: a temporary SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CUSTOMERCASES_TEST_POSTGRES";

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract ValueTask DisposeAsync();

    public static TestDatabase Sqlite() => new SqliteTestDatabase();

    public static readonly string PostgresSkipReason =
        $"PostgreSQL tests skipped: set {PostgresVariable} to a server connection string (e.g. Host=127.0.0.1;Username=postgres;Password=postgres).";

    /// <summary>
    /// A new database on the server named by CUSTOMERCASES_TEST_POSTGRES. Without it the PostgreSQL tests are
    /// skipped with a message, except in CI (CI=true), where a missing server is a failure.
    /// </summary>
    public static async Task<TestDatabase?> PostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set: the PostgreSQL suite must run in CI.");
            }

            return null;
        }

        var name = "cc_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgreSqlTestDatabase(server, name);
    }

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cc-tests-").FullName;

        public override string Provider => "Sqlite";

        public override string ConnectionString => $"Data Source={Path.Combine(_folder, "cases.db")}";

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // a file still open by a finishing background thread; the temp folder is cleaned by the OS
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgreSqlTestDatabase(string server, string name) : TestDatabase
    {
        public override string Provider => "PostgreSql";

        public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
