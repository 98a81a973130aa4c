using System.Globalization;
using CustomerCases.Benchmarks.Hosting;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;

namespace CustomerCases.Benchmarks.Workloads;

/// <summary>
/// What every service scenario does around its measurements: parse options, a scratch folder, Ctrl+C handling,
/// one clear message for setup failures, and the progress lines on stderr.
/// </summary>
public static class ScenarioRun
{
    public static async Task<int> RunAsync(string scenario, string[] args, Func<ScenarioOptions, string, CancellationToken, Task<int>> body)
    {
        ScenarioOptions options;
        try
        {
            options = ScenarioOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}{Environment.NewLine}usage: {scenario} {ScenarioOptions.Usage}");
            return 2;
        }

        using var cancellation = new BenchmarkCancellation();
        var work = Directory.CreateTempSubdirectory($"customercases-{scenario}-");
        try
        {
            return await body(options, work.FullName, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{scenario}: cancelled");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or ServerExitedException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"{scenario}: failed: {e.Message}");
            return 1;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"could not delete {work.FullName}: {e.Message}");
            }
        }
    }

    public static void Progress(string label, LoadResult result) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label} {result.Mode,-6} {result.Target,-44} {result.ThroughputPerSecond,8:0}/s p50 {result.P50Ms,7:0.00} ms p99 {result.P99Ms,7:0.00} ms max {result.MaxMs,8:0.0} ms errors {result.Errors}{(result.ServerCpuMsPerRequest is { } cpu ? $" server cpu {result.ServerCpuCores:0.00} cores, {cpu:0.000} ms/req" : "")}{(result.Mode == "open" ? $" (rate {result.TargetRatePerSecond:0}/s, dispatch lag max {result.MaxDispatchLagMs:0.0} ms)" : "")}"));

    public static void Say(string text) => Console.Error.WriteLine(text);

    /// <summary>load1/5/15 as the kernel reports them, for the report (the machine is shared).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Before a repetition: wait up to 10 s (0 in smoke) for a quiet machine, and return what it was.</summary>
    public static Task<MachinePressure> PressureAsync(ScenarioOptions options, CancellationToken ct) =>
        MachinePressure.WaitForQuietAsync(options.Smoke ? TimeSpan.Zero : TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), ct);

    public static string Errors(params LoadResult?[] phases)
    {
        var all = phases.OfType<LoadResult>()
            .SelectMany(p => p.ErrorsByStatus.Select(e => $"{(p.Target.StartsWith("B-", StringComparison.Ordinal) ? "B" : "S")}/{p.Mode} {e.Key}×{e.Value}"))
            .ToList();
        return all.Count == 0 ? "0" : string.Join(", ", all);
    }

    /// <summary>A phase with no success or more than 1 % errors measured a fault, not a speed.</summary>
    public static bool Failed(params LoadResult?[] phases) =>
        phases.OfType<LoadResult>().Any(p => p.Succeeded == 0 || p.Errors > 0.01 * (p.Succeeded + p.Errors));

    public static string Ms(LoadResult? phase) => phase is null ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{phase.P50Ms:0.00} / {phase.P99Ms:0.00}");
}
