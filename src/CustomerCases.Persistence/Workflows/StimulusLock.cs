namespace CustomerCases.Persistence.Workflows;

/// <summary>
/// Serialises, per bookmark hash, "a stimulus finds no bookmark and is queued" against "a new bookmark looks for
/// queued stimuli". Under PostgreSQL's read committed each side could miss the other's uncommitted row and both
/// commit: the stimulus would wait in the queue until it expires, never delivered. With a transaction-scoped advisory
/// lock on the hash the later transaction waits for the earlier one's commit and then sees its row.
/// </summary>
public static class StimulusLock
{
    // Names "bookmark hash" among advisory locks (two-key form).
    private const int LockSpace = 0x73746D6C; // "stml"

    public static Task AcquireAsync(CustomerCasesDbContext db, string hash, CancellationToken ct) =>
        AdvisoryLock.AcquireAsync(db, LockSpace, hash, ct);
}
