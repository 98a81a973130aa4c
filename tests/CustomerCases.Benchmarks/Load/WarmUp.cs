using System.Globalization;

namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// Discarded closed-loop load until a server's throughput settles. A freshly started .NET service runs tier-0 code and
/// keeps the JIT busy for as many requests as tiering needs; on a starved 2-core machine that took minutes, so a fixed
/// few seconds is not enough and a fixed long time wastes runs where the server warms quickly.
/// </summary>
public static class WarmUp
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs windows of 5 s until two consecutive ones agree within <paramref name="tolerance"/> (a rate still climbing
    /// means the server is still warming), or until <paramref name="cap"/>.
    /// </summary>
    /// <returns>The throughput of each window, for the log.</returns>
    public static async Task<IReadOnlyList<double>> UntilStableAsync(
        LoadClient client, LoadTarget target, int workers, TimeSpan cap, double tolerance, CancellationToken ct)
    {
        var rates = new List<double>();
        for (var spent = TimeSpan.Zero; spent < cap; spent += Window)
        {
            var window = await client.RunClosedLoopAsync(target, workers, TimeSpan.Zero, Window, ct);
            rates.Add(window.ThroughputPerSecond);
            if (rates.Count >= 2 && Math.Abs(rates[^1] - rates[^2]) <= tolerance * rates[^2])
            {
                break;
            }
        }
        if (rates.Count > 0)
        {
            Console.Error.WriteLine($"warm-up {target.Name}: {string.Join(" → ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} req/s per {Window.TotalSeconds:0} s (discarded)");
        }
        return rates;
    }
}
