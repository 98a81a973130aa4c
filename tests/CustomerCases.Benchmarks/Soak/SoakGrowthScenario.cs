using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CustomerCases.Benchmarks.Intake;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Reporting;
using CustomerCases.Benchmarks.Resume;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Soak;

/// <summary>
/// Scenario "soak-growth" (G9): the same service, workflows and load against a small and a large database, both
/// running at once, measured in alternating order in the same run. Every case runs "bench-task" (a human task in a pull
/// queue) and "bench-event" (waits for an event). Volume: one case made through the API, cloned with bulk SQL
/// (<see cref="BulkCloner"/>) to <c>--small-rows</c> and to <c>--rows</c> cases (the large side stops at
/// <c>--seed-seconds</c>), so every stored case is open with a waiting task and two waiting instances — the worst case
/// for anything that scans open work. Measured: intake (POST /api/cases, closed loop) and event resume (closed loop,
/// on cases the intake phases created); G9 = large ÷ small for each.
/// </summary>
public static class SoakGrowthScenario
{
    public static Task<int> RunAsync(string[] args) => ScenarioRun.RunAsync("soak-growth", args, MeasureAsync);

    private sealed class Side(string name, int rows) : IAsyncDisposable
    {
        public string Name { get; } = name;
        public int WantedRows { get; } = rows;
        public BenchService Service { get; set; } = null!;
        public EventResumeWorkload Resume { get; set; } = null!;
        public LoadTarget Intake { get; set; } = null!;
        public BulkCloner.Result? Seeded { get; set; }
        public double RestartMs { get; set; }
        public double ResumeRate { get; set; } = 50;
        public IReadOnlyDictionary<string, long> Counts { get; set; } = new Dictionary<string, long>();

        public ValueTask DisposeAsync() => Service?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private static async Task<int> MeasureAsync(ScenarioOptions options, string work, CancellationToken ct)
    {
        var facts = RunFacts.Collect(TimeProvider.System);
        var loads = new List<string> { ScenarioRun.LoadAverage() };
        await using var small = new Side("small", options.SmallRows);
        await using var large = new Side("large", options.Rows);
        foreach (var side in new[] { small, large })
        {
            await PrepareAsync(side, work, options, ct);
        }
        var plans = QueryPlans.Explain(large.Service.Process.DatabasePath);

        using var client = new LoadClient(options.Connections, TimeSpan.FromSeconds(60));
        foreach (var side in new[] { small, large })
        {
            await Probe.EnsureWorksAsync(side.Intake, side.Service.Process.OutputTail, ct);
            await WarmUp.UntilStableAsync(client, side.Intake, options.Connections, TimeSpan.FromSeconds(options.InitialWarmupSeconds), 0.1, ct);
            side.ResumeRate = await ResumeScenario.WarmUpAsync(client, side.Resume, side.Resume.Target(), options, ct);
        }

        var rows = new List<Dictionary<string, object?>>();
        var intakeRatios = new List<double>();
        var resumeRatios = new List<double>();
        var failed = false;
        for (var number = 1; number <= options.Repetitions; number++)
        {
            var pressure = await ScenarioRun.PressureAsync(options, ct);
            loads.Add(ScenarioRun.LoadAverage());
            var order = number % 2 == 1 ? new[] { small, large } : [large, small];
            var intake = new Dictionary<Side, LoadResult>();
            var resume = new Dictionary<Side, LoadResult>();
            foreach (var side in order)
            {
                intake[side] = await client.RunClosedLoopAsync(side.Intake, options.Connections, options.Warmup, options.Measure, ct);
                ScenarioRun.Progress($"rep {number} {side.Name}", intake[side]);
                await side.Resume.TopUpAsync((int)(side.ResumeRate * (options.WarmupSeconds + options.MeasureSeconds) * 1.5) + options.Connections * 2, ct);
                resume[side] = await client.RunClosedLoopAsync(side.Resume.Target(), options.Connections, options.Warmup, options.Measure, ct);
                side.ResumeRate = Math.Max(side.ResumeRate, resume[side].ThroughputPerSecond);
                ScenarioRun.Progress($"rep {number} {side.Name}", resume[side]);
                side.Service.Process.EnsureRunning();
            }
            var repFailed = ScenarioRun.Failed(intake[small], intake[large], resume[small], resume[large]);
            failed |= repFailed;
            var intakeRatio = intake[large].ThroughputPerSecond / intake[small].ThroughputPerSecond;
            var resumeRatio = resume[large].ThroughputPerSecond / resume[small].ThroughputPerSecond;
            if (!repFailed)
            {
                intakeRatios.Add(intakeRatio);
                resumeRatios.Add(resumeRatio);
            }
            rows.Add(new Dictionary<string, object?>
            {
                ["rep"] = number,
                ["order"] = string.Join(" → ", order.Select(s => s.Name)),
                ["load1"] = pressure.Load1,
                ["disturbed"] = pressure.Disturbed,
                ["failed"] = repFailed,
                ["intake small/s"] = intake[small].ThroughputPerSecond,
                ["intake large/s"] = intake[large].ThroughputPerSecond,
                ["intake ratio"] = intakeRatio,
                ["resume small/s"] = resume[small].ThroughputPerSecond,
                ["resume large/s"] = resume[large].ThroughputPerSecond,
                ["resume ratio"] = resumeRatio,
                ["intake p50 small/large ms"] = string.Create(CultureInfo.InvariantCulture, $"{intake[small].P50Ms:0.0} / {intake[large].P50Ms:0.0}"),
                ["resume p50 small/large ms"] = string.Create(CultureInfo.InvariantCulture, $"{resume[small].P50Ms:0.0} / {resume[large].P50Ms:0.0}"),
                ["errors"] = ScenarioRun.Errors(intake[small], intake[large], resume[small], resume[large]),
            });
        }
        loads.Add(ScenarioRun.LoadAverage());
        foreach (var side in new[] { small, large })
        {
            side.Counts = QueryPlans.Counts(side.Service.Process.DatabasePath);
        }

        var intakeSpread = Spread.Of(intakeRatios);
        var resumeSpread = Spread.Of(resumeRatios);
        var notes = new List<string>
        {
            $"load average (1/5/15 min) at start, before each repetition and at the end: {string.Join(" | ", loads)} on {Environment.ProcessorCount} cores (shared machine)",
        };
        foreach (var side in new[] { small, large })
        {
            var seeded = side.Seeded!;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{side.Name}: bulk-seeded {seeded.Cases:N0} cloned cases ({seeded.Rows:N0} rows, {seeded.Rows / Math.Max(seeded.Seconds, 0.001):N0} rows/s, {seeded.Seconds:0} s; per case: {string.Join(", ", seeded.RowsPerCaseByTable.Select(t => $"{t.Key} {t.Value}"))}); database {new FileInfo(side.Service.Process.DatabasePath).Length / 1048576.0:N0} MiB; restart on it to ready {side.RestartMs:0} ms; rows at the end: {string.Join(", ", side.Counts.Select(c => $"{c.Key} {c.Value:N0}"))}"));
        }
        notes.Add("EXPLAIN QUERY PLAN on the large database:");
        notes.AddRange(plans.Select(p => $"  {p.What}: `{p.Plan}`"));
        var report = new ScenarioReport(
            "soak-growth", facts,
            string.Create(CultureInfo.InvariantCulture,
                $"Small side {small.Seeded!.Cases + 1:N0} stored cases, large side {large.Seeded!.Cases + 1:N0} (asked for {options.Rows:N0}, bulk-seeding budget {options.SeedSeconds} s); both services up at once; per repetition and side: intake closed loop, then event resume closed loop, {options.Connections} connections, warm-up {options.WarmupSeconds} s + measure {options.MeasureSeconds} s.{(options.Smoke ? " SMOKE profile." : "")}"),
            rows,
            [
                ("intake large ÷ small", intakeSpread.Format("0.000")),
                ("event resume large ÷ small", resumeSpread.Format("0.000")),
            ],
            [
                new Goal("G9", $"intake throughput at {large.Seeded.Cases + 1:N0} ÷ at {small.Seeded.Cases + 1:N0} stored cases", intakeSpread.Median, 0.7, 0.8, HigherIsBetter: true),
                new Goal("G9", "event resume throughput, same ratio", resumeSpread.Median, 0.7, 0.8, HigherIsBetter: true),
            ],
            notes,
            Counts: !options.Smoke && !failed && rows.All(r => r["disturbed"] is false),
            string.Create(CultureInfo.InvariantCulture,
                $"soak-growth: largeCases={large.Seeded.Cases + 1} smallCases={small.Seeded.Cases + 1} intakeRatio={intakeSpread.Median:0.000} resumeRatio={resumeSpread.Median:0.000}"));
        await report.PublishAsync(options.OutPath, ct);
        return failed ? 1 : 0;
    }

    /// <summary>A template case through the API, the service stopped, bulk cloning, the service started again on that database.</summary>
    private static async Task PrepareAsync(Side side, string work, ScenarioOptions options, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, side.Name)).FullName;
        var definitions = BenchWorkflows.WriteFolder(folder, "workflows", BenchWorkflows.TaskThenEvent(), BenchWorkflows.EventThenNote());
        Guid template;
        string database;
        await using (var first = await BenchService.StartAsync(folder, definitions, ct))
        {
            await first.CreateQueueAsync(BenchWorkflows.TaskQueue, "Pull", ct);
            template = await first.CreateCaseAsync(0, ct);
            database = first.Process.DatabasePath;
        }
        side.Seeded = BulkCloner.Clone(database, template, side.WantedRows - 1, TimeSpan.FromSeconds(options.SeedSeconds), text => ScenarioRun.Say($"{side.Name}: {text}"));
        var restart = Stopwatch.StartNew();
        side.Service = await BenchService.StartAsync(folder, definitions, ct);
        side.RestartMs = restart.Elapsed.TotalMilliseconds;
        side.Resume = new EventResumeWorkload(new ServiceRef(side.Service));
        var resume = side.Resume;
        var uri = new Uri(side.Service.BaseAddress, "/api/cases");
        var authorization = new AuthenticationHeaderValue("ApiKey", side.Service.Process.ApiKey);
        side.Intake = new LoadTarget($"{side.Name} POST /api/cases", HttpStatusCode.Created, n =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = IntakeRequests.Content(n) };
            request.Headers.Authorization = authorization;
            return request;
        }, side.Service.Process.ProcessId, Observe: response => resume.Offer(BenchService.CaseIdOf(response)));
    }
}
