namespace CustomerCases.Persistence;

/// <summary>
/// Serialises write transactions in one process when the database has a single writer (SQLite). Without it,
/// concurrent writers spin on SQLite's busy handler and tail latency explodes (performance.md §2.2);
/// on PostgreSQL the gate is open and row locks do the work.
/// </summary>
public sealed class WriteGate(bool serialise)
{
    private readonly SemaphoreSlim? _semaphore = serialise ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (_semaphore is null)
        {
            return NoRelease.Instance;
        }

        await _semaphore.WaitAsync(ct);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();

        public void Dispose()
        {
        }
    }
}
