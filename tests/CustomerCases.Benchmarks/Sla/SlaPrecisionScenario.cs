using System.Globalization;
using CustomerCases.Benchmarks.Hosting;
using CustomerCases.Benchmarks.Intake;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;
using CustomerCases.Benchmarks.Reporting;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// G5, SLA timer precision: the service in this process with its Hangfire server and timer poller; its intake maximum
/// measured first (closed loop); then ~10 k pending SLA timers seeded, of which <c>--due-per-second</c> fall due in
/// every second of a <c>--seconds</c> window; during the window, intake runs open-loop at half that maximum and B-timer
/// (a bare Task.Delay loop over the same due times) runs beside the service. Lateness of each timer: the firing's
/// decision time (the target's <c>LastFiredAt</c>) and its commit (the service's lateness metric), both against the due time.
/// </summary>
internal static class SlaPrecisionScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        SlaPrecisionOptions options;
        try
        {
            options = SlaPrecisionOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: " + SlaPrecisionOptions.Usage);
            return 2;
        }

        using var cancellation = new BenchmarkCancellation();
        var ct = cancellation.Token;
        var time = TimeProvider.System;
        var facts = RunFacts.Collect(time);
        var settings = new Dictionary<string, string> { ["Jobs:RunServer"] = "true" };
        if (options.HangfireOnly)
        {
            settings["Jobs:TimerPollInterval"] = "00:00:00";
        }

        await using var service = await InProcessService.StartAsync(settings, ct);
        using var client = new LoadClient(options.Connections, TimeSpan.FromSeconds(30));
        var intake = IntakeRequests.Service(service.BaseAddress, InProcessService.AdminKey);

        var pressureBefore = MachinePressure.Sample();
        Console.WriteLine($"load1 {pressureBefore.Load1} cpu-psi {pressureBefore.CpuSomeAvg10} io-psi {pressureBefore.IoSomeAvg10}; measuring intake maximum…");
        var maximum = await client.RunClosedLoopAsync(intake, options.Connections, TimeSpan.FromSeconds(options.IntakeWarmupSeconds),
            TimeSpan.FromSeconds(options.IntakeMeasureSeconds), ct);
        var rate = Math.Max(1, maximum.ThroughputPerSecond * options.IntakeFraction);

        Console.WriteLine($"intake maximum {maximum.ThroughputPerSecond:F0}/s; seeding {options.PendingTimers} pending timers, {options.WindowTimers} of them due in the window…");
        var pendingOutsideWindow = options.PendingTimers - (options.WindowTimers * SlaTimerSeeder.TimersPerCase);
        var casesPerSecond = await SlaTimerSeeder.SeedFillersAsync(service.Services, pendingOutsideWindow, atLeastCases: 50, ct);
        // The window opens once its own cases are written: their seeding time at the rate just measured, with room to spare.
        var lead = Math.Max(options.LeadSeconds, (1.5 * options.WindowTimers / casesPerSecond) + 3);
        var windowStart = time.GetUtcNow().AddSeconds(lead);
        Console.WriteLine($"seeding: {casesPerSecond:F0} cases/s; the window opens in {lead:F0} s");
        var windowEnd = windowStart.AddSeconds(options.WindowSeconds);
        var dueTimes = Enumerable.Range(0, options.WindowTimers).Select(i => windowStart.AddSeconds(i / options.DuePerSecond)).ToList();
        await SlaTimerSeeder.SeedDueAsync(service.Services, dueTimes, ct);
        var (inWindow, pending) = await SlaTimerSeeder.CountAsync(service.Services, windowStart, windowEnd, ct);
        var slack = windowStart - time.GetUtcNow();
        Console.WriteLine($"seeded: {pending} pending, {inWindow} due in the window, which opens in {slack.TotalSeconds:F1} s; intake at {rate:F0}/s");

        var pressureDuring = MachinePressure.Sample();
        using var listener = new TimerLatenessListener("sla");
        var intakeWarmup = TimeSpan.FromSeconds(Math.Min(2, Math.Max(0, slack.TotalSeconds)));
        await DelayUntilAsync(windowStart - intakeWarmup, time, ct);
        var load = client.RunOpenLoopAsync(intake, rate, intakeWarmup, TimeSpan.FromSeconds(options.WindowSeconds + options.DrainSeconds), ct);
        var baseline = BaselineTimer.RunAsync(dueTimes, time, ct);
        var pressureInWindow = await SampleMidWindowAsync(windowStart, options.WindowSeconds, time, ct);
        var intakeDuring = await load;
        var baselineLateness = await baseline;
        await DelayUntilAsync(windowEnd.AddSeconds(options.DrainSeconds), time, ct);

        var rows = await SlaTimerSeeder.ReadWindowAsync(service.Services, windowStart, windowEnd, ct);
        var fired = LatenessSummary.From([.. rows.Where(r => r.FiredAt is not null).Select(r => (r.FiredAt!.Value - r.DueAt).TotalMilliseconds)],
            missing: rows.Count(r => r.FiredAt is null));
        var committed = LatenessSummary.From(listener.Take(), fired.Missing);
        var bTimer = LatenessSummary.From(baselineLateness);

        var report = new SlaPrecisionReport(facts, options, pressureBefore, pressureDuring, pressureInWindow, maximum.ThroughputPerSecond, rate, intakeDuring,
            pending, inWindow, slack.TotalSeconds, fired, committed, bTimer);
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        var path = await ReportFiles.WriteJsonAsync(options.OutPath ?? ReportFiles.DefaultPath("sla-precision", facts.StartedUtc), report, CancellationToken.None);
        Console.WriteLine($"report: {path}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sla-precision: early={committed.Early} missing={committed.Missing} p99Ms={committed.P99Ms} maxMs={committed.MaxMs} bTimerP99Ms={bTimer.P99Ms} bTimerMaxMs={bTimer.MaxMs} goal={(committed.MeetsTarget ? "met" : committed.MeetsMust ? "must-only" : "not met")}{(pressureInWindow.Disturbed ? " (disturbed: load1 " + pressureInWindow.Load1 + " > 2 × cores; not a goal check)" : "")}"));

        // Smoke (CI): the harness worked and nothing is grossly wrong — no early or lost timer, p99 within twice the "must".
        return options.Smoke && (committed.Count == 0 || committed.Early > 0 || committed.Missing > 0 || committed.P99Ms > 4000) ? 1 : 0;
    }

    private static async Task DelayUntilAsync(DateTimeOffset at, TimeProvider time, CancellationToken ct)
    {
        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }
    }

    private static async Task<MachinePressure> SampleMidWindowAsync(DateTimeOffset windowStart, int windowSeconds, TimeProvider time, CancellationToken ct)
    {
        await DelayUntilAsync(windowStart.AddSeconds(windowSeconds / 2.0), time, ct);
        return MachinePressure.Sample();
    }
}
