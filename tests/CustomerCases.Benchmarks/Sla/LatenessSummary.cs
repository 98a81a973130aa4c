namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// Lateness of a set of firings (actual − due), in milliseconds: exact percentiles by nearest rank, and how many fired
/// early (negative lateness). <see cref="Missing"/> counts timers that were due in the window but never fired.
/// </summary>
public sealed record LatenessSummary(int Count, int Early, int Missing, double MinMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatenessSummary From(IReadOnlyCollection<double> latenessMs, int missing = 0)
    {
        if (latenessMs.Count == 0)
        {
            return new(0, 0, missing, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = latenessMs.Order().ToArray();
        return new(sorted.Length, sorted.Count(x => x < 0), missing, Round(sorted[0]), At(sorted, 0.50), At(sorted, 0.90), At(sorted, 0.99), Round(sorted[^1]));
    }

    /// <summary>G5: 0 early, none missing, p99 ≤ 1 s, max ≤ 2 s ("must": p99 ≤ 2 s, max ≤ 5 s).</summary>
    public bool MeetsTarget => Count > 0 && Early == 0 && Missing == 0 && P99Ms <= 1000 && MaxMs <= 2000;

    public bool MeetsMust => Count > 0 && Early == 0 && Missing == 0 && P99Ms <= 2000 && MaxMs <= 5000;

    private static double At(double[] sorted, double quantile) => Round(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Round(double ms) => Math.Round(ms, 1);
}
