namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// A small HDR-style histogram: microsecond values in log-linear buckets (128 linear sub-buckets per power of two,
/// so any reported value is within 1/128 ≈ 0.8 % of the true one). Recording is lock-free so many
/// request completions can record concurrently without a lock becoming part of the measured latency.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits; // 128
    private const int MaxShift = 24;                        // covers up to ~2^31 µs ≈ 36 min
    private readonly long[] _counts = new long[(MaxShift + 2) * SubBucketCount];
    private long _count;
    private long _maxMicros;
    private long _sumMicros;

    public long Count => Interlocked.Read(ref _count);
    public long MaxMicros => Interlocked.Read(ref _maxMicros);
    public double MeanMicros => Count == 0 ? 0 : (double)Interlocked.Read(ref _sumMicros) / Count;

    public void RecordTicks(long stopwatchTicks) =>
        RecordMicros(Math.Max(0, stopwatchTicks) * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);

    public void RecordMicros(long micros)
    {
        micros = Math.Clamp(micros, 0, (long)int.MaxValue);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, micros);
        long seen;
        while (micros > (seen = Interlocked.Read(ref _maxMicros)) &&
               Interlocked.CompareExchange(ref _maxMicros, micros, seen) != seen)
        {
        }
    }

    /// <summary>Value at quantile q (0..1), reported as the upper edge of its bucket (never optimistic), capped at the exact max.</summary>
    public long ValueAtQuantile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdgeOf(i), MaxMicros);
            }
        }
        return MaxMicros;
    }

    internal static int IndexOf(long micros)
    {
        if (micros < 2 * SubBucketCount)
        {
            return (int)micros; // exact below 256 µs
        }
        var shift = (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)micros)) - SubBucketBits;
        return (shift * SubBucketCount) + (int)(micros >> shift);
    }

    internal static long UpperEdgeOf(int index)
    {
        if (index < 2 * SubBucketCount)
        {
            return index;
        }
        var shift = (index / SubBucketCount) - 1;
        var lower = (long)(index - (shift * SubBucketCount)) << shift;
        return lower + (1L << shift) - 1;
    }
}
