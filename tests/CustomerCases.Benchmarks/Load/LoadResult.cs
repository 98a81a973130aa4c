namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// What one load phase measured. Latencies in milliseconds; only successful responses are in the percentiles.
/// Closed loop: throughput is completions per second. Open loop: successes among the requests scheduled in the window,
/// per second, so it equals the offered rate when nothing fails; overload shows in the latencies, not here.
/// </summary>
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
    double MaxDispatchLagMs,
    double? ServerCpuCores,
    double? ServerCpuMsPerRequest)
{
    public long Errors => ErrorsByStatus.Values.Sum();

    internal static LoadResult From(string target, string mode, double rate, TimeSpan measure, PhaseRecorder recorder, double? serverCpuSeconds)
    {
        var latencies = recorder.Latencies;
        return new(target, mode, rate, measure.TotalSeconds, latencies.Count, recorder.Errors,
            latencies.Count / measure.TotalSeconds,
            Ms(latencies.ValueAtQuantile(0.50)), Ms(latencies.ValueAtQuantile(0.90)),
            Ms(latencies.ValueAtQuantile(0.99)), Ms(latencies.MaxMicros), Ms(recorder.MaxDispatchLagMicros),
            serverCpuSeconds is { } cpu ? Math.Round(cpu / measure.TotalSeconds, 2) : null,
            serverCpuSeconds is { } cpuUsed && latencies.Count > 0 ? Math.Round(cpuUsed * 1000 / latencies.Count, 3) : null);
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
