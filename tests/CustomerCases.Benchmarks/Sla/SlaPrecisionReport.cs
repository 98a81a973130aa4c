using System.Text;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;
using CustomerCases.Benchmarks.Reporting;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>What one <c>sla-precision</c> run measured; JSON as is, and a markdown summary.</summary>
public sealed record SlaPrecisionReport(
    RunFacts Facts,
    SlaPrecisionOptions Options,
    MachinePressure PressureBefore,
    MachinePressure PressureAfterSeeding,
    MachinePressure PressureMidWindow,
    double IntakeMaximumPerSecond,
    double IntakeRatePerSecond,
    LoadResult IntakeDuringWindow,
    int PendingTimers,
    int TimersDueInWindow,
    double SecondsToSpareAfterSeeding,
    LatenessSummary Fired,
    LatenessSummary Committed,
    LatenessSummary BTimer)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var mode = Options.HangfireOnly ? "Hangfire only" : "poller + Hangfire backstop";
        var overran = SecondsToSpareAfterSeeding < 1 ? FormattableString.Invariant($"; SEEDING OVERRAN the lead by {-SecondsToSpareAfterSeeding:F1} s") : "";
        text.AppendLine(FormattableString.Invariant(
            $"sla-precision ({mode}): {PendingTimers} pending timers, {TimersDueInWindow} due in {Options.WindowSeconds} s ({Options.DuePerSecond}/s); intake {IntakeRatePerSecond:F0}/s = {Options.IntakeFraction:P0} of its measured maximum {IntakeMaximumPerSecond:F0}/s (achieved {IntakeDuringWindow.ThroughputPerSecond:F0}/s, p99 {IntakeDuringWindow.P99Ms:F0} ms, errors {IntakeDuringWindow.Errors}); load1 {PressureBefore.Load1} before, {PressureMidWindow.Load1} mid-window (cpu psi {PressureMidWindow.CpuSomeAvg10} %){overran}"));
        text.AppendLine();
        var table = new MarkdownTable("lateness (ms)", "count", "early", "missing", "min", "p50", "p90", "p99", "max", "G5 target (p99 ≤ 1 s, max ≤ 2 s)");
        foreach (var (name, s) in new[] { ("service, decision (LastFiredAt − due)", Fired), ("service, committed", Committed) })
        {
            table.Add(name, s.Count, s.Early, s.Missing, s.MinMs, s.P50Ms, s.P90Ms, s.P99Ms, s.MaxMs, s.MeetsTarget ? "met" : s.MeetsMust ? "must only" : "not met");
        }

        // The baseline is not held to the goal: it shows what this process and machine allow (and that a bare
        // Task.Delay, timed by a monotonic clock, can wake a millisecond or two before the wall-clock due time).
        table.Add("B-timer (Task.Delay loop)", BTimer.Count, BTimer.Early, BTimer.Missing, BTimer.MinMs, BTimer.P50Ms, BTimer.P90Ms, BTimer.P99Ms, BTimer.MaxMs, "baseline");

        text.Append(table);
        return text.ToString();
    }
}
