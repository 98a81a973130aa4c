using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence.Work;

/// <summary>
/// Serialises routing passes across nodes, so two transactions never count an agent's load at the same time and both
/// fill his last free slot. SQLite needs nothing (the process-wide <see cref="WriteGate"/> already serialises writers);
/// PostgreSQL takes a transaction-scoped advisory lock, released by commit or rollback.
/// </summary>
public static class RoutingLock
{
    // An arbitrary constant that names "task routing" among advisory locks.
    private const long LockKey = 0x7461736B_726F7574; // "taskrout"

    public static async Task AcquireAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }
    }
}
