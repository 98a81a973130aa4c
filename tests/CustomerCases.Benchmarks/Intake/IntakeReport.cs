using System.Globalization;
using System.Text;
using CustomerCases.Benchmarks.Reporting;

namespace CustomerCases.Benchmarks.Intake;

/// <summary>The intake result: raw repetitions, medians with min/max, goal verdicts; rendered as markdown and JSON.</summary>
public sealed record IntakeReport(
    RunFacts Facts,
    IntakeOptions Options,
    Load.LoadResult ClientCeiling,
    IReadOnlyList<IntakeRepetition> Repetitions,
    int CountedRepetitions,
    bool Counts,
    Spread CasesPerSecond,
    Spread BaselinePerSecond,
    Spread ThroughputRatio,
    Spread HalfLoadRatePerSecond,
    Spread ServiceP50Ms,
    Spread ServiceP99Ms,
    Spread BaselineP50Ms,
    Spread BaselineP99Ms,
    Spread P99Ratio,
    Spread ServiceCpuMsPerRequest,
    Spread BaselineCpuMsPerRequest,
    IReadOnlyList<IntakeGoal> Goals,
    string? Aborted)
{
    /// <summary>
    /// Summaries use the undisturbed repetitions (performance.md §3.3: disturbed ones are not averaged in); if every
    /// repetition was disturbed they use all of them and the result does not count. Failed repetitions never count.
    /// </summary>
    public static IntakeReport Create(
        RunFacts facts, IntakeOptions options, Load.LoadResult clientCeiling, IReadOnlyList<IntakeRepetition> repetitions, string? aborted)
    {
        var valid = repetitions.Where(r => !r.Failed).ToList();
        var quiet = valid.Where(r => !r.PressureBefore.Disturbed).ToList();
        var used = quiet.Count > 0 ? quiet : valid;
        Spread Of(Func<IntakeRepetition, double?> pick) => Spread.Of(used.Select(r => pick(r) ?? double.NaN));

        var ratio = Of(r => r.ThroughputRatio);
        var serviceP99 = Of(r => r.ServiceHalfLoad?.P99Ms);
        var p99Ratio = Of(r => r.P99Ratio);
        IntakeGoal[] goals =
        [
            new("G1", "intake cases/s ÷ B-insert (median of paired ratios)", ratio.Median, 0.3, 0.5, HigherIsBetter: true),
            new("G2", "intake p99 at 50 % of max, ms", serviceP99.Median, 100, 50, HigherIsBetter: false),
            new("G2", "intake p99 ÷ B-insert p99 at the same rate", p99Ratio.Median, 5, 3, HigherIsBetter: false),
        ];
        return new IntakeReport(
            facts, options, clientCeiling, repetitions, used.Count,
            Counts: !options.Smoke && !options.BaselineOnly && !options.SelfTest && aborted is null && quiet.Count >= options.Repetitions,
            Of(r => r.ServiceMax?.ThroughputPerSecond), Of(r => r.BaselineMax.ThroughputPerSecond), ratio,
            Of(r => r.HalfLoadRatePerSecond),
            Of(r => r.ServiceHalfLoad?.P50Ms), serviceP99, Of(r => r.BaselineHalfLoad.P50Ms), Of(r => r.BaselineHalfLoad.P99Ms),
            p99Ratio, Of(r => r.ServiceMax?.ServerCpuMsPerRequest), Of(r => r.BaselineMax.ServerCpuMsPerRequest), goals, aborted);
    }

    /// <summary>
    /// Smoke (CI) fails only when the harness or an endpoint is broken, or G1 falls below half its "must":
    /// absolute numbers never gate. Full runs report verdicts and fail only when nothing succeeded.
    /// </summary>
    public int ExitCode()
    {
        var broken = Aborted is not null || Repetitions.Any(r => r.Failed) || ClientCeiling.Succeeded == 0;
        if (broken)
        {
            return 1;
        }
        return Options.Smoke && !Options.BaselineOnly && ThroughputRatio.Median < 0.15 ? 1 : 0;
    }

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"intake: casesPerSecond={N(CasesPerSecond.Median, "0")} baselinePerSecond={N(BaselinePerSecond.Median, "0")} ratio={N(ThroughputRatio.Median, "0.000")} p99Ms={N(ServiceP99Ms.Median, "0.00")} baselineP99Ms={N(BaselineP99Ms.Median, "0.00")}");

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## intake — {Facts.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Facts.Cores} cores, {Facts.Os}, {Facts.Runtime}, server GC {(Facts.ServerGc ? "on" : "off")}, SQLite {Facts.SqliteVersion} (WAL, synchronous=NORMAL), commit {Facts.GitCommit ?? "?"}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Options.Repetitions} repetition(s) wanted, {Repetitions.Count} run, initial warm-up until stable (≤ {Options.InitialWarmupSeconds} s) per side, warm-up {Options.WarmupSeconds} s per phase, measure {Options.MeasureSeconds} s, {Options.Connections} connections{(Options.Smoke ? ", SMOKE profile" : "")}{(Options.BaselineOnly ? ", BASELINE ONLY" : "")}{(Options.SelfTest ? ", SELF-TEST (fake service)" : "")}, baselines {(Options.BaselineInChildProcess ? "in a child process" : "in the load client's process")}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Client + Kestrel ceiling (B-json, closed loop): {N(ClientCeiling.ThroughputPerSecond, "0")} req/s, p50 {N(ClientCeiling.P50Ms, "0.00")} ms.");
        text.AppendLine();

        var raw = new MarkdownTable("rep", "order", "load1", "cpu psi", "io psi", "disturbed", "failed",
            "service max/s", "B-insert max/s", "ratio", "rate/s", "service p50/p99 ms", "B-insert p50/p99 ms", "p99 ratio", "server CPU at max: service / B-insert (cores, ms/req)", "errors");
        foreach (var r in Repetitions)
        {
            raw.Add(r.Number, r.Order, r.PressureBefore.Load1, r.PressureBefore.CpuSomeAvg10, r.PressureBefore.IoSomeAvg10, r.PressureBefore.Disturbed, r.Failed,
                r.ServiceMax?.ThroughputPerSecond ?? double.NaN, r.BaselineMax.ThroughputPerSecond, r.ThroughputRatio, r.HalfLoadRatePerSecond,
                r.ServiceHalfLoad is null ? "n/a" : $"{N(r.ServiceHalfLoad.P50Ms, "0.00")} / {N(r.ServiceHalfLoad.P99Ms, "0.00")}",
                $"{N(r.BaselineHalfLoad.P50Ms, "0.00")} / {N(r.BaselineHalfLoad.P99Ms, "0.00")}",
                r.P99Ratio, $"{Cpu(r.ServiceMax)} / {Cpu(r.BaselineMax)}", Errors(r));
        }
        text.Append(raw).AppendLine();

        if (Aborted is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**ABORTED**: {Aborted.ReplaceLineEndings(" ")}").AppendLine();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians over {CountedRepetitions} repetition(s) (undisturbed ones if any, never failed ones), (min–max):");
        text.AppendLine();
        text.Append(new MarkdownTable("measure", "service", "B-insert", "ratio")
            .Add("max throughput, req/s (closed loop)", CasesPerSecond.Format("0"), BaselinePerSecond.Format("0"), ThroughputRatio.Format("0.000"))
            .Add($"p50 at {HalfLoadRatePerSecond.Format("0")} req/s, ms (open loop)", ServiceP50Ms.Format(), BaselineP50Ms.Format(), "")
            .Add($"p99 at {HalfLoadRatePerSecond.Format("0")} req/s, ms (open loop)", ServiceP99Ms.Format(), BaselineP99Ms.Format(), P99Ratio.Format())
            .Add("server CPU per request at max, ms (child processes only)", ServiceCpuMsPerRequest.Format("0.000"), BaselineCpuMsPerRequest.Format("0.000"), ""));
        text.AppendLine();

        var goals = new MarkdownTable("goal", "what", "value", "must", "target", "verdict");
        foreach (var goal in Goals)
        {
            goals.Add(goal.Id, goal.What, goal.Value, $"{(goal.HigherIsBetter ? "≥" : "≤")} {N(goal.Must, "0.##")}", $"{(goal.HigherIsBetter ? "≥" : "≤")} {N(goal.Target, "0.##")}", goal.Verdict);
        }
        text.Append(goals).AppendLine();
        text.AppendLine(Counts
            ? "This run counts toward the goals (full profile, no disturbed repetition)."
            : "This run does NOT count toward the goals (smoke profile, baseline only, self-test, aborted, or fewer undisturbed repetitions than asked for).");
        return text.ToString();
    }

    private static string Errors(IntakeRepetition r)
    {
        var all = new[] { r.ServiceMax, r.BaselineMax, r.ServiceHalfLoad, r.BaselineHalfLoad }
            .OfType<Load.LoadResult>()
            .SelectMany(p => p.ErrorsByStatus.Select(e => $"{(p.Target.StartsWith("B-", StringComparison.Ordinal) ? "B" : "S")}/{p.Mode} {e.Key}×{e.Value}"))
            .ToList();
        return all.Count == 0 ? "0" : string.Join(", ", all);
    }

    private static string Cpu(Load.LoadResult? phase) =>
        phase?.ServerCpuMsPerRequest is { } ms ? $"{N(phase.ServerCpuCores ?? double.NaN, "0.00")}, {N(ms, "0.000")}" : "n/a";

    private static string N(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
