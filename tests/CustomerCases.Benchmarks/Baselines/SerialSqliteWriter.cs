using Microsoft.Data.Sqlite;

namespace CustomerCases.Benchmarks.Baselines;

/// <summary>
/// B-insert's storage: one shared connection, one prepared INSERT, one commit per row (autocommit), and a
/// <see cref="SemaphoreSlim"/>(1) so concurrent requests queue in-process instead of fighting over SQLite's write
/// lock (the pooled alternative had 0.3–0.7 s p99 in performance.md §2.2).
/// </summary>
public sealed class SerialSqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    public SerialSqliteWriter(string databasePath, SqliteDatabaseSettings settings, TimeProvider time)
    {
        _time = time;
        _connection = settings.Open(databasePath);
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS perf_cases(
                    id INTEGER PRIMARY KEY,
                    customer_email TEXT NOT NULL,
                    customer_name TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    description TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    created TEXT NOT NULL)
                """;
            create.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO perf_cases(customer_email, customer_name, subject, description, channel, created)
            VALUES ($email, $name, $subject, $description, $channel, $created) RETURNING id
            """;
        foreach (var name in new[] { "$email", "$name", "$subject", "$description", "$channel", "$created" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        _insert.Prepare();
    }

    public async Task<long> InsertAsync(InsertRequest request)
    {
        await _gate.WaitAsync();
        try
        {
            _insert.Parameters[0].Value = request.Customer!.Email;
            _insert.Parameters[1].Value = request.Customer.Name ?? "";
            _insert.Parameters[2].Value = request.Subject;
            _insert.Parameters[3].Value = request.Description;
            _insert.Parameters[4].Value = request.Channel;
            _insert.Parameters[5].Value = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return (long)_insert.ExecuteScalar()!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }
}
