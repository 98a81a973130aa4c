using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCases.Persistence;

/// <summary>
/// Per-connection SQLite settings: NORMAL sync is durable across process crashes in WAL mode (performance.md §1.8),
/// and the busy timeout turns lock contention between processes into waiting rather than errors.
/// Both belong to the native connection, which the pool keeps open and hands out again, so they are set once per
/// native connection rather than on every open (EF opens a connection for each query outside a transaction).
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Static: the native connections live in Microsoft.Data.Sqlite's pool, shared by every context and option set.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={busyTimeoutMs};";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened })
        {
            Configured.AddOrUpdate(opened, opened);
        }
    }
}
