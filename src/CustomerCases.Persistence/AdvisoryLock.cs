using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks, released by commit or rollback, so several nodes serialise one kind
/// of work without a lock table. On SQLite (and outside a transaction) nothing is taken: the process-wide
/// <see cref="WriteGate"/> already serialises every writer of the one node.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>One lock per <paramref name="key"/> (the one-key form).</summary>
    public static async Task AcquireAsync(CustomerCasesDbContext db, long key, CancellationToken ct)
    {
        if (Applies(db))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>One lock per text within <paramref name="space"/> (the two-key form: no clash with one-key locks).</summary>
    public static async Task AcquireAsync(CustomerCasesDbContext db, int space, string text, CancellationToken ct)
    {
        if (Applies(db))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space}, hashtext({text}))", ct);
        }
    }

    private static bool Applies(CustomerCasesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null;
    }
}
