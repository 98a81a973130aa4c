namespace CustomerCases.Persistence.Work;

/// <summary>
/// Serialises routing passes across nodes, so two transactions never count an agent's load at the same time and both
/// fill his last free slot.
/// </summary>
public static class RoutingLock
{
    // Names "task routing" among advisory locks (one-key form).
    private const long LockKey = 0x7461736B_726F7574; // "taskrout"

    public static Task AcquireAsync(CustomerCasesDbContext db, CancellationToken ct) => AdvisoryLock.AcquireAsync(db, LockKey, ct);
}
