using Microsoft.Data.Sqlite;

namespace CustomerCases.Benchmarks.Baselines;

/// <summary>
/// The SQLite file settings a baseline runs with. They must match the service's (WAL, synchronous=NORMAL, a busy
/// timeout) or the baseline ratio compares different durability levels (see performance.md §2.1: FULL is 20–30× slower per commit).
/// </summary>
public sealed record SqliteDatabaseSettings(string JournalMode = "WAL", string Synchronous = "NORMAL", int BusyTimeoutMilliseconds = 5000)
{
    public static SqliteDatabaseSettings Default { get; } = new();

    public SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA journal_mode={JournalMode}; PRAGMA synchronous={Synchronous}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }
}
