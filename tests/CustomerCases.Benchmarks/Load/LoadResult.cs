namespace CustomerCases.Benchmarks.Load;

/// <summary>What one load phase measured. Latencies in milliseconds; only successful responses are in the percentiles.</summary>
public sealed record LoadResult(
    string Target,
    string Mode,
    double TargetRatePerSecond,
    double MeasureSeconds,
    long Succeeded,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    double ThroughputPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double MaxDispatchLagMs)
{
    public long Errors => ErrorsByStatus.Values.Sum();

    internal static LoadResult From(
        string target, string mode, double rate, TimeSpan measure, LatencyHistogram latencies,
        IReadOnlyDictionary<string, long> errors, long maxDispatchLagMicros) =>
        new(target, mode, rate, measure.TotalSeconds, latencies.Count, errors,
            latencies.Count / measure.TotalSeconds,
            Ms(latencies.ValueAtQuantile(0.50)), Ms(latencies.ValueAtQuantile(0.90)),
            Ms(latencies.ValueAtQuantile(0.99)), Ms(latencies.MaxMicros), Ms(maxDispatchLagMicros));

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
