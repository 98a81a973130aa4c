using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Hosting;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;
using CustomerCases.Benchmarks.Reporting;
using CustomerCases.Benchmarks.Support;

namespace CustomerCases.Benchmarks.Intake;

/// <summary>
/// Scenario "intake" (goals G1, G2): the real service's <c>POST /api/cases</c> against B-insert, interleaved A/B with
/// the order alternating per repetition. Per repetition: closed-loop maximum of both sides, then open loop for both at
/// half the service's measured maximum (the same rate for both, so their p99s are comparable).
/// </summary>
public static class IntakeScenario
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ServiceReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        // Child-process modes of this executable (the only scenario entry is "intake", so they ride on it).
        switch (args)
        {
            case [FakeIntakeService.Flag, .. var fakeArgs]:
                return await FakeIntakeService.RunAsync(fakeArgs);
            case [BaselineServer.ServeFlag, .. var baselineArgs]:
                return await BaselineServer.ServeAsync(baselineArgs);
        }

        IntakeOptions options;
        try
        {
            options = IntakeOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}{Environment.NewLine}usage: {IntakeOptions.Usage}");
            return 2;
        }

        using var cancellation = new BenchmarkCancellation();
        var ct = cancellation.Token;
        var facts = RunFacts.Collect(TimeProvider.System);
        var work = Directory.CreateTempSubdirectory("customercases-intake-");
        try
        {
            var (ceiling, repetitions, aborted) = await MeasureAsync(options, work.FullName, ct);
            var report = IntakeReport.Create(facts, options, ceiling, repetitions, aborted);
            Console.WriteLine(report.ToMarkdown());
            var path = await ReportFiles.WriteJsonAsync(options.OutPath ?? ReportFiles.DefaultPath("intake", facts.StartedUtc), report, ct);
            Console.WriteLine($"json: {path}");
            Console.WriteLine(report.SummaryLine());
            return report.ExitCode();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("intake: cancelled");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            // Setup failures (service not ready, probe rejected, dll missing): one clear message, no stack trace.
            Console.Error.WriteLine($"intake: failed: {e.Message}");
            return 1;
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static async Task<(LoadResult Ceiling, List<IntakeRepetition> Repetitions, string? Aborted)> MeasureAsync(IntakeOptions options, string work, CancellationToken ct)
    {
        await using IRunningServer baseline = options.BaselineInChildProcess
            ? await ServiceProcess.StartAsync(work, BaselineServer.ChildCommand, null, ServiceReadyTimeout, ct)
            : await BaselineServer.StartAsync(work, SqliteDatabaseSettings.Default, ct);
        var command = options.SelfTest ? FakeIntakeService.Command : ServiceProcess.RealService;
        await using var service = options.BaselineOnly ? null : await ServiceProcess.StartAsync(work, command, null, ServiceReadyTimeout, ct);
        using var client = new LoadClient(options.Connections, RequestTimeout);

        var baselineTarget = IntakeRequests.Baseline(baseline);
        var serviceTarget = service is null ? null : IntakeRequests.Service(service);
        await Probe.EnsureWorksAsync(baselineTarget, null, ct);
        if (serviceTarget is not null)
        {
            await Probe.EnsureWorksAsync(serviceTarget, service!.OutputTail, ct);
        }

        // Once per run, discarded, until throughput settles (capped by --initial-warmup): a freshly started service runs
        // tier-0 code and keeps the JIT busy for a long time under load (perf: libclrjit ≈ 25 % of its CPU after 12 s of
        // load; after 30 s at 17 req/s its CPU per request still fell from 12 to 7.7 ms over the next three repetitions).
        foreach (var target in new[] { serviceTarget, baselineTarget }.OfType<LoadTarget>())
        {
            await WarmUp.UntilStableAsync(client, target, options.Connections, TimeSpan.FromSeconds(options.InitialWarmupSeconds), tolerance: 0.1, ct);
        }

        // Once per run: what the client and Kestrel alone can do here, to tell a slow service from a saturated client.
        var ceiling = await client.RunClosedLoopAsync(BaselineTargets.Json(baseline), options.Connections, options.Warmup, options.Measure, ct);
        Progress(0, ceiling);

        // performance.md §3.3: a disturbed repetition is re-run rather than averaged in, within a bounded number of attempts.
        var repetitions = new List<IntakeRepetition>();
        var patience = options.Smoke ? TimeSpan.Zero : TimeSpan.FromSeconds(10);
        string? aborted = null;
        for (var attempt = 1; repetitions.Count(r => !r.PressureBefore.Disturbed) < options.Repetitions
                              && attempt <= options.Repetitions + options.ExtraAttempts; attempt++)
        {
            var pressure = await MachinePressure.WaitForQuietAsync(patience, TimeSpan.FromSeconds(2), ct);
            try
            {
                repetitions.Add(await RunRepetitionAsync(client, options, attempt, pressure, serviceTarget, baselineTarget, CheckServers, ct));
            }
            catch (ServerExitedException e)
            {
                // Keep what was measured so far; the report says why it stops here.
                aborted = e.Message;
                Console.Error.WriteLine($"aborting: {e.Message}");
                break;
            }
        }
        if (service is not null && service.OutputTail() is { Length: > 0 } log)
        {
            // Warnings the service logged under load (e.g. EF Core or Kestrel complaints) often explain a bad ratio.
            Console.Error.WriteLine($"service output (last lines):{Environment.NewLine}{log}");
        }
        return (ceiling, repetitions, aborted);

        void CheckServers()
        {
            service?.EnsureRunning();
            baseline.EnsureRunning();
        }
    }

    private static async Task<IntakeRepetition> RunRepetitionAsync(
        LoadClient client, IntakeOptions options, int number, MachinePressure pressure, LoadTarget? serviceTarget, LoadTarget baselineTarget,
        Action checkServers, CancellationToken ct)
    {
        // Both sides are always measured back to back in the same repetition; alternating who goes first
        // spreads slow drifts in machine load over both sides instead of always penalising the second.
        var order = serviceTarget is null ? [baselineTarget] : number % 2 == 1 ? new[] { serviceTarget, baselineTarget } : [baselineTarget, serviceTarget];

        var max = new Dictionary<LoadTarget, LoadResult>();
        foreach (var target in order)
        {
            max[target] = await client.RunClosedLoopAsync(target, options.Connections, options.Warmup, options.Measure, ct);
            Progress(number, max[target]);
            checkServers(); // a dead server shows up as connection errors; say so instead of reporting zeros
        }

        // G2 compares both sides at the same rate: half of what the service itself sustained in this repetition.
        var rate = Math.Max(1, Math.Round(0.5 * max[serviceTarget ?? baselineTarget].ThroughputPerSecond));
        var half = new Dictionary<LoadTarget, LoadResult>();
        foreach (var target in order)
        {
            half[target] = await client.RunOpenLoopAsync(target, rate, options.Warmup, options.Measure, ct);
            Progress(number, half[target]);
            checkServers();
        }

        return new IntakeRepetition(
            number,
            string.Join(" → ", order.Select(t => t == baselineTarget ? "B-insert" : "service")),
            pressure,
            serviceTarget is null ? null : max[serviceTarget],
            max[baselineTarget],
            rate,
            serviceTarget is null ? null : half[serviceTarget],
            half[baselineTarget]);
    }

    private static void Progress(int repetition, LoadResult result) => Console.Error.WriteLine(
        System.FormattableString.Invariant(
            $"rep {repetition} {result.Mode,-6} {result.Target,-28} {result.ThroughputPerSecond,8:0}/s p50 {result.P50Ms,7:0.00} ms p99 {result.P99Ms,7:0.00} ms max {result.MaxMs,8:0.0} ms errors {result.Errors}{(result.ServerCpuMsPerRequest is { } cpu ? $" server cpu {result.ServerCpuCores:0.00} cores, {cpu:0.000} ms/req" : "")}{(result.Mode == "open" ? $" (rate {result.TargetRatePerSecond:0}/s, dispatch lag max {result.MaxDispatchLagMs:0.0} ms)" : "")}"));

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {directory.FullName}: {e.Message}");
        }
    }
}
