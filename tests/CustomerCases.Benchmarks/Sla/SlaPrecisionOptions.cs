using System.Globalization;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>Command-line options of the <c>sla-precision</c> scenario (performance goal G5).</summary>
public sealed record SlaPrecisionOptions(
    int PendingTimers = 10_000,
    double DuePerSecond = 50,
    int WindowSeconds = 30,
    int LeadSeconds = 20,
    int DrainSeconds = 5,
    double IntakeFraction = 0.5,
    int IntakeMeasureSeconds = 10,
    int IntakeWarmupSeconds = 3,
    int Connections = 16,
    bool HangfireOnly = false,
    bool Smoke = false,
    string? OutPath = null)
{
    public const string Usage =
        "sla-precision [--timers <pending, 10000>] [--due-per-second <50>] [--seconds <window, 30>] [--lead <minimum s between seeding and the window, 20>] " +
        "[--drain <s after the window, 5>] [--intake-fraction <of the measured maximum, 0.5>] [--intake-seconds <10>] [--connections <16>] " +
        "[--hangfire-only] [--smoke] [--out <file.json>]";

    public int WindowTimers => (int)Math.Round(WindowSeconds * DuePerSecond);

    /// <exception cref="ArgumentException">On an unknown option or a bad value.</exception>
    public static SlaPrecisionOptions Parse(string[] args)
    {
        var options = new SlaPrecisionOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--timers" => options with { PendingTimers = (int)Number(args, ref i) },
                "--due-per-second" => options with { DuePerSecond = Number(args, ref i) },
                "--seconds" => options with { WindowSeconds = (int)Number(args, ref i) },
                "--lead" => options with { LeadSeconds = (int)Number(args, ref i) },
                "--drain" => options with { DrainSeconds = (int)Number(args, ref i) },
                "--intake-fraction" => options with { IntakeFraction = Number(args, ref i) },
                "--intake-seconds" => options with { IntakeMeasureSeconds = (int)Number(args, ref i) },
                "--connections" => options with { Connections = (int)Number(args, ref i) },
                // The service as it was before the poller: Hangfire alone wakes timers (schedule poll 1 s).
                "--hangfire-only" => options with { HangfireOnly = true },
                // CI profile: proves the harness works and catches order-of-magnitude regressions.
                "--smoke" => options with { Smoke = true, PendingTimers = 1_000, WindowSeconds = 5, LeadSeconds = 10, DrainSeconds = 3, IntakeMeasureSeconds = 2, IntakeWarmupSeconds = 1 },
                "--out" => options with { OutPath = ++i < args.Length ? args[i] : throw new ArgumentException("--out needs a value") },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return options;
    }

    private static double Number(string[] args, ref int i)
    {
        var name = args[i];
        var text = ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} expects a positive number, got '{text}'");
    }
}
