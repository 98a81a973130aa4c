using System.Globalization;
using CustomerCases.Benchmarks.Intake;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;
using CustomerCases.Benchmarks.Reporting;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// G6 (SLA creation does not cap intake): intake throughput with SLA targets and timers ÷ the same with SLA computation
/// switched off (<c>Sla:Enabled=false</c>). Both services run in this process side by side for the whole run (fresh
/// SQLite database each, shipped workflows and policies, real HTTP over loopback), so JIT and start-up are paid once
/// and shared; then repetitions of one closed-loop slice on each, the order alternating, each pair giving one ratio.
/// G6 = the median of the paired ratios (performance.md §3.3): a burst of load from the shared machine spoils one pair,
/// not the result. Usage: <c>sla-intake [--repetitions 6] [--seconds 8] [--warmup 10] [--connections 8] [--smoke]</c>.
/// </summary>
internal static class SlaIntakeScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = 6;
        var seconds = 8;
        var warmupSeconds = 10;
        var connections = 8;
        var smoke = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repetitions": repetitions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--smoke": smoke = true; repetitions = 2; seconds = 2; warmupSeconds = 3; break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'; usage: sla-intake [--repetitions <6>] [--seconds <per slice, 8>] [--warmup <10>] [--connections <8>] [--smoke]");
                    return 2;
            }
        }

        using var cancellation = new Hosting.BenchmarkCancellation();
        var ct = cancellation.Token;
        var facts = RunFacts.Collect(TimeProvider.System);
        await using var with = await InProcessService.StartAsync(new Dictionary<string, string> { ["Jobs:RunServer"] = "false", ["Sla:Enabled"] = "true" }, ct);
        await using var without = await InProcessService.StartAsync(new Dictionary<string, string> { ["Jobs:RunServer"] = "false", ["Sla:Enabled"] = "false" }, ct);
        using var client = new LoadClient(connections, TimeSpan.FromSeconds(30));
        var withTarget = IntakeRequests.Service(with.BaseAddress, InProcessService.AdminKey);
        var withoutTarget = IntakeRequests.Service(without.BaseAddress, InProcessService.AdminKey);

        // Warm-up: both services until JIT and caches settle (discarded).
        await client.RunClosedLoopAsync(withoutTarget, connections, TimeSpan.Zero, TimeSpan.FromSeconds(warmupSeconds), ct);
        await client.RunClosedLoopAsync(withTarget, connections, TimeSpan.Zero, TimeSpan.FromSeconds(warmupSeconds), ct);

        var slice = TimeSpan.FromSeconds(seconds);
        var rows = new List<(int Number, string Order, MachinePressure Pressure, double Without, double With)>();
        for (var r = 0; r < repetitions; r++)
        {
            var pressure = MachinePressure.Sample();
            var withFirst = r % 2 == 1;
            double withRate, withoutRate;
            if (withFirst)
            {
                withRate = (await client.RunClosedLoopAsync(withTarget, connections, TimeSpan.FromSeconds(1), slice, ct)).ThroughputPerSecond;
                withoutRate = (await client.RunClosedLoopAsync(withoutTarget, connections, TimeSpan.FromSeconds(1), slice, ct)).ThroughputPerSecond;
            }
            else
            {
                withoutRate = (await client.RunClosedLoopAsync(withoutTarget, connections, TimeSpan.FromSeconds(1), slice, ct)).ThroughputPerSecond;
                withRate = (await client.RunClosedLoopAsync(withTarget, connections, TimeSpan.FromSeconds(1), slice, ct)).ThroughputPerSecond;
            }

            rows.Add((r + 1, withFirst ? "with, without" : "without, with", pressure, withoutRate, withRate));
            Console.WriteLine(FormattableString.Invariant($"repetition {r + 1}: without {withoutRate:F1}/s, with {withRate:F1}/s, ratio {withRate / withoutRate:F3} (load1 {pressure.Load1})"));
        }

        // performance.md §3.3: a disturbed repetition (load1 > 2 × cores or IO pressure > 10 %) does not count; when every
        // one was disturbed there is no verdict, only figures.
        var counted = rows.Where(x => !x.Pressure.Disturbed).ToList();
        var ratios = Spread.Of((counted.Count > 0 ? counted : rows).Select(x => x.With / x.Without));
        var verdict = counted.Count == 0 ? "inconclusive: every repetition was disturbed"
            : ratios.Median >= 0.9 ? "met" : ratios.Median >= 0.8 ? "must only" : "not met";
        var table = new MarkdownTable("repetition", "order", "load1", "cpu psi %", "disturbed", "without SLA /s", "with SLA /s", "ratio");
        foreach (var row in rows)
        {
            table.Add(row.Number, row.Order, row.Pressure.Load1, row.Pressure.CpuSomeAvg10, row.Pressure.Disturbed, row.Without, row.With, row.With / row.Without);
        }

        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine(FormattableString.Invariant(
            $"without SLA {Spread.Of(rows.Select(x => x.Without)).Format("0.#")} /s; with SLA {Spread.Of(rows.Select(x => x.With)).Format("0.#")} /s (median (min–max))"));
        Console.WriteLine(FormattableString.Invariant(
            $"sla-intake: G6 ratio (median of {(counted.Count > 0 ? counted.Count : rows.Count)} paired ratios{(counted.Count > 0 ? ", undisturbed" : ", all disturbed")}) = {ratios.Median:F3} (min {ratios.Min:F3}, max {ratios.Max:F3}); goal ≥ 0.90, must ≥ 0.80: {verdict}"));
        var path = await ReportFiles.WriteJsonAsync(ReportFiles.DefaultPath("sla-intake", facts.StartedUtc),
            new { facts, repetitions = rows.Select(r => new { r.Number, r.Order, r.Pressure, r.Without, r.With, Ratio = r.With / r.Without }), ratio = ratios }, CancellationToken.None);
        Console.WriteLine($"report: {path}");

        // Smoke (CI): both sides served intake and the ratio is not below half the "must".
        return smoke && !(ratios.Median >= 0.4) ? 1 : 0;
    }
}
