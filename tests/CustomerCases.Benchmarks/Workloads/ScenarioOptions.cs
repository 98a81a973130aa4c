using System.Globalization;

namespace CustomerCases.Benchmarks.Workloads;

/// <summary>
/// Options shared by the service scenarios (complete-task, event-resume, engine-durable, soak-growth, cold-start).
/// Defaults follow performance.md §3.3 (warm up 3 s, measure 10 s, 3 repetitions, 32 connections); <c>--smoke</c> is a
/// seconds-long profile that proves the scenario works and measures nothing that counts.
/// </summary>
public sealed record ScenarioOptions(
    int MeasureSeconds = 10,
    int WarmupSeconds = 3,
    int InitialWarmupSeconds = 60,
    int Repetitions = 3,
    int Connections = 32,
    double Rate = 100,
    int Rows = 1_000_000,
    int SmallRows = 10_000,
    int SeedSeconds = 240,
    int Runs = 5,
    int Pool = 20_000,
    bool Smoke = false,
    string? OutPath = null,
    string? ServiceFolder = null)
{
    public const string Usage =
        "[--seconds <measure, 10>] [--warmup <3>] [--initial-warmup <cap s, 60>] [--repetitions <3>] [--connections <32>] [--rate <open-loop req/s, 100>] " +
        "[--rows <soak: large side, 1000000>] [--small-rows <soak: small side, 10000>] [--seed-seconds <soak: bulk-seeding budget, 240>] [--runs <cold-start: 5>] [--pool <resume scenarios: waiting instances cloned up front, 20000>] [--service-folder <cold-start: the service's folder, e.g. a ReadyToRun publish; default beside the benchmark>] [--smoke] [--out <file.json>]";

    public TimeSpan Measure => TimeSpan.FromSeconds(MeasureSeconds);
    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <exception cref="ArgumentException">On an unknown option or a bad value.</exception>
    public static ScenarioOptions Parse(string[] args)
    {
        var options = new ScenarioOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { MeasureSeconds = Positive(args, ref i) },
                "--warmup" => options with { WarmupSeconds = Positive(args, ref i, allowZero: true) },
                "--initial-warmup" => options with { InitialWarmupSeconds = Positive(args, ref i, allowZero: true) },
                "--repetitions" => options with { Repetitions = Positive(args, ref i) },
                "--connections" => options with { Connections = Positive(args, ref i) },
                "--rate" => options with { Rate = Positive(args, ref i) },
                "--rows" => options with { Rows = Positive(args, ref i) },
                "--small-rows" => options with { SmallRows = Positive(args, ref i) },
                "--seed-seconds" => options with { SeedSeconds = Positive(args, ref i) },
                "--runs" => options with { Runs = Positive(args, ref i) },
                "--pool" => options with { Pool = Positive(args, ref i) },
                "--smoke" => options with
                {
                    Smoke = true, Repetitions = 1, MeasureSeconds = 2, WarmupSeconds = 1, InitialWarmupSeconds = 5,
                    Connections = 8, Rate = 20, Rows = 2_000, SmallRows = 200, SeedSeconds = 20, Runs = 1, Pool = 300,
                },
                "--out" => options with { OutPath = Value(args, ref i) },
                "--service-folder" => options with { ServiceFolder = Value(args, ref i) },
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
