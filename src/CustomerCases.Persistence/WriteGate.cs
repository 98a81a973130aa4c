using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace CustomerCases.Persistence;

/// <summary>
/// Serialises write transactions in one process when the database has a single writer (SQLite). Without it,
/// concurrent writers spin on SQLite's busy handler and tail latency explodes (performance.md §2.2);
/// on PostgreSQL the gate is open and row locks do the work.
/// </summary>
/// <remarks>
/// Every request that writes queues here, so how long each holder keeps the gate is what decides latency once the
/// load nears what one writer passes: the meter <see cref="MeterName"/> records the wait and the hold per holder
/// (the calling file), e.g. <c>dotnet-counters monitor --counters CustomerCases.WriteGate</c>.
/// </remarks>
public sealed class WriteGate(bool serialise)
{
    public const string MeterName = "CustomerCases.WriteGate";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> WaitMs = Meter.CreateHistogram<double>("customercases.write_gate.wait", "ms", "Time spent queued for the single-writer gate.");
    private static readonly Histogram<double> HoldMs = Meter.CreateHistogram<double>("customercases.write_gate.hold", "ms", "Time the gate was held, per holder.");
    private static readonly ConcurrentDictionary<string, KeyValuePair<string, object?>> Holders = new();

    private readonly SemaphoreSlim? _semaphore = serialise ? new SemaphoreSlim(1, 1) : null;

    /// <summary>True when writers queue here (SQLite); false when the database arbitrates them itself (PostgreSQL).</summary>
    public bool Serialises => _semaphore is not null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct, [CallerFilePath] string caller = "")
    {
        if (_semaphore is null)
        {
            return NoRelease.Instance;
        }

        var queued = Stopwatch.GetTimestamp();
        await _semaphore.WaitAsync(ct);
        var holder = Holders.GetOrAdd(caller, static path => new("holder", Path.GetFileNameWithoutExtension(path.Replace('\\', '/'))));
        var entered = Stopwatch.GetTimestamp();
        WaitMs.Record(Stopwatch.GetElapsedTime(queued, entered).TotalMilliseconds, holder);
        return new Release(_semaphore, entered, holder);
    }

    private sealed class Release(SemaphoreSlim semaphore, long entered, KeyValuePair<string, object?> holder) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                HoldMs.Record(Stopwatch.GetElapsedTime(entered).TotalMilliseconds, holder);
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
