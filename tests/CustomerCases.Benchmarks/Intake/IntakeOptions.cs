using System.Globalization;

namespace CustomerCases.Benchmarks.Intake;

/// <summary>Command-line options of the intake scenario. Defaults follow performance.md §3.3 (warm up 3 s, measure 10 s, 3 repetitions, 32 connections).</summary>
public sealed record IntakeOptions(
    int MeasureSeconds = 10,
    int WarmupSeconds = 3,
    int InitialWarmupSeconds = 120,
    int Repetitions = 3,
    int Connections = 32,
    bool Smoke = false,
    bool BaselineOnly = false,
    bool SelfTest = false,
    bool BaselineInChildProcess = false,
    int? RerunDisturbed = null,
    string? OutPath = null)
{
    public const string Usage =
        "intake [--seconds <measure, 10>] [--warmup <3>] [--initial-warmup <cap, 120>] [--repetitions <3>] [--connections <32>] [--smoke] [--baseline-only | --self-test] [--baseline-host in-process|child] [--rerun-disturbed <extra attempts, = repetitions>] [--out <file.json>]";

    /// <summary>Extra attempts allowed for re-running disturbed repetitions; as many as the repetitions unless given.</summary>
    public int ExtraAttempts => RerunDisturbed ?? Repetitions;

    public TimeSpan Measure => TimeSpan.FromSeconds(MeasureSeconds);
    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <exception cref="ArgumentException">On an unknown option or a bad value.</exception>
    public static IntakeOptions Parse(string[] args)
    {
        var options = new IntakeOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { MeasureSeconds = Positive(args, ref i) },
                "--warmup" => options with { WarmupSeconds = Positive(args, ref i, allowZero: true) },
                "--initial-warmup" => options with { InitialWarmupSeconds = Positive(args, ref i, allowZero: true) },
                "--repetitions" => options with { Repetitions = Positive(args, ref i) },
                "--rerun-disturbed" => options with { RerunDisturbed = Positive(args, ref i, allowZero: true) },
                "--connections" => options with { Connections = Positive(args, ref i) },
                // CI profile: proves the harness and the endpoint work, and catches order-of-magnitude regressions.
                "--smoke" => options with { Smoke = true, Repetitions = 1, MeasureSeconds = 2, WarmupSeconds = 1, InitialWarmupSeconds = 10, RerunDisturbed = 0 },
                "--baseline-only" => options with { BaselineOnly = true },
                // Harness check without the real service: a fake service process doing B-insert's work (Support/FakeIntakeService.cs).
                "--self-test" => options with { SelfTest = true },
                "--baseline-host" => options with { BaselineInChildProcess = Value(args, ref i) switch
                {
                    "in-process" => false,
                    "child" => true,
                    var other => throw new ArgumentException($"--baseline-host expects in-process or child, got '{other}'"),
                } },
                "--out" => options with { OutPath = Value(args, ref i) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Positive(string[] args, ref int i, bool allowZero = false)
    {
        var name = args[i];
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new ArgumentException($"{name} expects a {(allowZero ? "non-negative" : "positive")} integer, got '{text}'");
    }
}
