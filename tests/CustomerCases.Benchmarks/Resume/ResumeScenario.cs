using System.Globalization;
using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Intake;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Reporting;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Resume;

/// <summary>
/// Scenarios "complete-task" (G3) and "event-resume" (G3/G9 over HTTP): the real service resuming pre-seeded waiting
/// instances, against B-insert in the same run. Per repetition, order alternating: closed-loop maximum of both sides
/// (same connections), then both open loop at <c>--rate</c> (default 100/s, G3's rate). The pool of waiting instances
/// is topped up through the API before every service phase (never timed), sized from the last measured rate.
/// </summary>
public static class ResumeScenario
{
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(5);

    public static Task<int> CompleteTaskAsync(string[] args) =>
        ScenarioRun.RunAsync("complete-task", args, (o, w, ct) => RunAsync(o, w, BenchWorkflows.TaskThenEvent(), s => new TaskCompletionWorkload(s), ct));

    public static Task<int> EventResumeAsync(string[] args) =>
        ScenarioRun.RunAsync("event-resume", args, (o, w, ct) => RunAsync(o, w, BenchWorkflows.EventThenNote(), s => new EventResumeWorkload(s), ct));

    private static async Task<int> RunAsync(ScenarioOptions options, string work, (string, string) definition,
        Func<ServiceRef, IResumeWorkload> create, CancellationToken ct)
    {
        var facts = RunFacts.Collect(TimeProvider.System);
        var loadAtStart = ScenarioRun.LoadAverage();
        await using var baseline = await BaselineServer.StartAsync(work, SqliteDatabaseSettings.Default, ct);
        var definitions = BenchWorkflows.WriteFolder(work, "workflows", definition);
        await using var current = new ServiceRef(await BenchService.StartAsync(work, definitions, ct));
        var workload = create(current);

        // The pool of waiting instances: one made through the API, cloned in bulk while the service is stopped (seeding
        // thousands through the API took minutes on the busy machine), then the service restarted on that database.
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var template = await workload.PrepareTemplateAsync(ct);
        var database = current.Service.Process.DatabasePath;
        await current.Service.DisposeAsync();
        var cloned = Soak.BulkCloner.Clone(database, template, options.Pool - 1, TimeSpan.FromMinutes(10), ScenarioRun.Say);
        workload.AddClones(cloned.Cases);
        current.Service = await BenchService.StartAsync(work, definitions, ct);
        var service = current.Service;
        using var client = new LoadClient(options.Connections, TimeSpan.FromSeconds(30));
        var baselineTarget = IntakeRequests.Baseline(baseline);
        var target = workload.Target();
        ScenarioRun.Say(string.Create(CultureInfo.InvariantCulture, $"pool: {workload.Available} waiting ({cloned.Rows} rows cloned in {cloned.Seconds:0.0} s), service restarted; {seeding.Elapsed.TotalSeconds:0} s so far"));
        await Probe.EnsureWorksAsync(baselineTarget, null, ct);
        await Probe.EnsureWorksAsync(target, service.Process.OutputTail, ct);

        // Warm-up (discarded) until the resume rate settles: a fresh service runs tier-0 code for a long time.
        var rate = await WarmUpAsync(client, workload, target, options, ct);
        await WarmUp.UntilStableAsync(client, baselineTarget, options.Connections, TimeSpan.FromSeconds(options.InitialWarmupSeconds), 0.1, ct);

        var exhaustedInWarmUp = workload.Exhausted;
        var repetitions = new List<ResumeRepetition>();
        var loads = new List<string> { loadAtStart };
        for (var number = 1; number <= options.Repetitions; number++)
        {
            var pressure = await ScenarioRun.PressureAsync(options, ct);
            loads.Add(ScenarioRun.LoadAverage());
            var serviceFirst = number % 2 == 1;
            var phaseSeconds = options.WarmupSeconds + options.MeasureSeconds;

            async Task<LoadResult> ServiceClosedAsync()
            {
                // 2.5× the fastest rate seen so far: a repetition can outrun the last one by half again (seen: 310 → 472/s), and a
                // request that finds no waiting instance fails the repetition.
                await workload.TopUpAsync((int)(rate * phaseSeconds * 2.5) + options.Connections * 2, ct);
                var result = await client.RunClosedLoopAsync(target, options.Connections, options.Warmup, options.Measure, ct);
                rate = Math.Max(rate, result.ThroughputPerSecond);
                return result;
            }

            async Task<LoadResult> ServiceOpenAsync()
            {
                await workload.TopUpAsync((int)(options.Rate * phaseSeconds * 1.2) + options.Connections, ct);
                return await client.RunOpenLoopAsync(target, options.Rate, options.Warmup, options.Measure, ct);
            }

            var (serviceMax, baselineMax) = await PairAsync(serviceFirst, ServiceClosedAsync,
                () => client.RunClosedLoopAsync(baselineTarget, options.Connections, options.Warmup, options.Measure, ct), number);
            var (serviceOpen, baselineOpen) = await PairAsync(serviceFirst, ServiceOpenAsync,
                () => client.RunOpenLoopAsync(baselineTarget, options.Rate, options.Warmup, options.Measure, ct), number);
            service.Process.EnsureRunning();
            repetitions.Add(new ResumeRepetition(number, serviceFirst ? "service → B-insert" : "B-insert → service", pressure, serviceMax, baselineMax, serviceOpen, baselineOpen));
        }
        loads.Add(ScenarioRun.LoadAverage());

        var report = Report(facts, options, workload, repetitions, loads, seeding, workload.Exhausted - exhaustedInWarmUp);
        await report.PublishAsync(options.OutPath, ct);
        return repetitions.Any(r => r.Failed) ? 1 : 0;
    }

    private static async Task<(LoadResult Service, LoadResult Baseline)> PairAsync(
        bool serviceFirst, Func<Task<LoadResult>> service, Func<Task<LoadResult>> baseline, int number)
    {
        LoadResult s, b;
        if (serviceFirst)
        {
            s = await service();
            ScenarioRun.Progress($"rep {number}", s);
            b = await baseline();
            ScenarioRun.Progress($"rep {number}", b);
        }
        else
        {
            b = await baseline();
            ScenarioRun.Progress($"rep {number}", b);
            s = await service();
            ScenarioRun.Progress($"rep {number}", s);
        }
        return (s, b);
    }

    /// <summary>Closed-loop windows of 5 s, topped up before each, until two agree within 10 % (or the cap); returns the last rate.</summary>
    internal static async Task<double> WarmUpAsync(LoadClient client, IResumeWorkload workload, LoadTarget target, ScenarioOptions options, CancellationToken ct)
    {
        var rates = new List<double>();
        var rate = 1.0; // unknown yet: the first window uses what the pool holds (running dry there only shortens a discarded window)
        for (var spent = TimeSpan.Zero; spent < TimeSpan.FromSeconds(Math.Max(options.InitialWarmupSeconds, 5)); spent += WarmUpWindow)
        {
            await workload.TopUpAsync((int)(rate * WarmUpWindow.TotalSeconds * 1.5) + options.Connections * 2, ct);
            var window = await client.RunClosedLoopAsync(target, options.Connections, TimeSpan.Zero, WarmUpWindow, ct);
            rates.Add(window.ThroughputPerSecond);
            rate = Math.Max(window.ThroughputPerSecond, 1);
            if (rates.Count >= 2 && Math.Abs(rates[^1] - rates[^2]) <= 0.1 * rates[^2])
            {
                break;
            }
        }
        ScenarioRun.Say($"warm-up {target.Name}: {string.Join(" → ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} req/s per 5 s (discarded)");
        return rate;
    }

    private static ScenarioReport Report(RunFacts facts, ScenarioOptions options, IResumeWorkload workload, List<ResumeRepetition> repetitions,
        List<string> loads, System.Diagnostics.Stopwatch sinceStart, long exhaustedWhileMeasuring)
    {
        var valid = repetitions.Where(r => !r.Failed).ToList();
        var quiet = valid.Where(r => !r.Pressure.Disturbed).ToList();
        // Overload at the open-loop rate (timeouts) is a result, not a broken run: with no valid repetition, use them all.
        var used = quiet.Count > 0 ? quiet : valid.Count > 0 ? valid : repetitions;
        Spread Of(Func<ResumeRepetition, double> pick) => Spread.Of(used.Select(pick));

        var ratio = Of(r => r.ThroughputRatio);
        // Percentiles of the successes alone would flatter a phase where most requests timed out: such a phase counts as ∞.
        var p50 = Of(r => ScenarioRun.Failed(r.ServiceOpen) ? double.PositiveInfinity : r.ServiceOpen.P50Ms);
        var p99 = Of(r => ScenarioRun.Failed(r.ServiceOpen) ? double.PositiveInfinity : r.ServiceOpen.P99Ms);
        var p99Ratio = Of(r => ScenarioRun.Failed(r.ServiceOpen) ? double.PositiveInfinity : r.P99Ratio);
        var rate = options.Rate.ToString("0", CultureInfo.InvariantCulture);
        var goal = workload.Name == "complete-task" ? "G3" : "G3/G9 (event)";
        Goal[] goals =
        [
            new(goal, $"{workload.Name} p50 at {rate}/s, ms", p50.Median, 20, 10, HigherIsBetter: false),
            new(goal, $"{workload.Name} p99 at {rate}/s, ms", p99.Median, 100, 50, HigherIsBetter: false),
            new(goal, $"{workload.Name} p99 ÷ B-insert p99 at {rate}/s", p99Ratio.Median, 3, 3, HigherIsBetter: false),
            new(goal, $"{workload.Name} closed-loop throughput ÷ B-insert", ratio.Median, 0.4, 0.4, HigherIsBetter: true),
        ];
        (string, string)[] summary =
        [
            ("resume max throughput, req/s (closed loop)", Of(r => r.ServiceMax.ThroughputPerSecond).Format("0")),
            ("B-insert max throughput, req/s (closed loop)", Of(r => r.BaselineMax.ThroughputPerSecond).Format("0")),
            ("throughput ratio", ratio.Format("0.000")),
            ($"resume p50 / p99 at {rate}/s, ms", $"{p50.Format()} / {p99.Format()}"),
            ($"B-insert p50 / p99 at {rate}/s, ms", $"{Of(r => r.BaselineOpen.P50Ms).Format()} / {Of(r => r.BaselineOpen.P99Ms).Format()}"),
            ("p99 ratio", p99Ratio.Format()),
            ("resume server CPU per request at max, ms", Of(r => r.ServiceMax.ServerCpuMsPerRequest ?? double.NaN).Format("0.000")),
        ];
        var counts = !options.Smoke && quiet.Count >= options.Repetitions && exhaustedWhileMeasuring == 0 && workload.NotResumed == 0;
        return new ScenarioReport(
            workload.Name, facts,
            string.Create(CultureInfo.InvariantCulture,
                $"{workload.Description}. {options.Repetitions} repetition(s), warm-up {options.WarmupSeconds} s + measure {options.MeasureSeconds} s per phase, {options.Connections} connections closed loop, open loop at {rate}/s; B-insert in the load client's process, the service in its own.{(options.Smoke ? " SMOKE profile." : "")}"),
            [.. repetitions.Select(r => r.Row())],
            summary,
            goals,
            [
                $"load average (1/5/15 min) at start, before each repetition and at the end: {string.Join(" | ", loads)} on {Environment.ProcessorCount} cores (shared machine)",
                $"requests sent with an empty pool while measuring: {exhaustedWhileMeasuring} (in the discarded warm-up: {workload.Exhausted - exhaustedWhileMeasuring}); successful answers that resumed nothing: {workload.NotResumed}; waiting items left: {workload.Available}",
                string.Create(CultureInfo.InvariantCulture, $"whole run {sinceStart.Elapsed.TotalSeconds:0} s including seeding through the API"),
            ],
            counts,
            string.Create(CultureInfo.InvariantCulture,
                $"{workload.Name}: p50Ms={p50.Median:0.00} p99Ms={p99.Median:0.00} p99Ratio={p99Ratio.Median:0.00} perSecond={Of(r => r.ServiceMax.ThroughputPerSecond).Median:0} baselinePerSecond={Of(r => r.BaselineMax.ThroughputPerSecond).Median:0} ratio={ratio.Median:0.000}"));
    }
}
