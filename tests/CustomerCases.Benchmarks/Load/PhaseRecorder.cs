using System.Collections.Concurrent;

namespace CustomerCases.Benchmarks.Load;

/// <summary>Collects the outcomes of one load phase: latencies of successes, error counts keyed by status code or failure kind.</summary>
internal sealed class PhaseRecorder
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _maxDispatchLagMicros;

    public LatencyHistogram Latencies { get; } = new();
    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);
    public long MaxDispatchLagMicros => Interlocked.Read(ref _maxDispatchLagMicros);

    /// <param name="error">null for a success, otherwise the status code or failure kind.</param>
    public void Record(string? error, long elapsedStopwatchTicks)
    {
        if (error is null)
        {
            Latencies.RecordTicks(elapsedStopwatchTicks);
        }
        else
        {
            _errors.AddOrUpdate(error, 1, static (_, n) => n + 1);
        }
    }

    public void RecordDispatchLag(long lagStopwatchTicks)
    {
        var micros = lagStopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency;
        if (micros > _maxDispatchLagMicros)
        {
            Interlocked.Exchange(ref _maxDispatchLagMicros, micros); // only the dispatcher thread writes
        }
    }
}
