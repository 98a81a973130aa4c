using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence.Workflows;

/// <summary>
/// Serialises, per bookmark hash, "a stimulus finds no bookmark and is queued" against "a new bookmark looks for
/// queued stimuli". Under PostgreSQL's read committed each side could miss the other's uncommitted row and both
/// commit: the stimulus would wait in the queue until it expires, never delivered. With a transaction-scoped advisory
/// lock on the hash the later transaction waits for the earlier one's commit and then sees its row. SQLite needs
/// nothing (the process-wide <see cref="WriteGate"/> already serialises writers).
/// </summary>
public static class StimulusLock
{
    // Advisory locks in the two-key form, this constant naming "bookmark hash" (no clash with RoutingLock's one-key lock).
    private const int LockClass = 0x73746D6C; // "stml"

    public static async Task AcquireAsync(CustomerCasesDbContext db, string hash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, hashtext({hash}))", ct);
        }
    }
}
