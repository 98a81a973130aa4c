using System.Globalization;

namespace CustomerCases.Benchmarks.TriageIntake;

/// <summary>Command line of the triage-intake scenario.</summary>
internal sealed record TriageIntakeOptions(
    int MeasureSeconds = 10,
    int WarmupSeconds = 3,
    int WarmupCapSeconds = 60,
    int Repetitions = 3,
    int Connections = 32,
    double TriageRate = 5,
    int RetrainWaitMinutes = 20)
{
    public const string Usage =
        "triage-intake [--seconds <measure, 10>] [--warmup <3>] [--warmup-cap <60>] [--repetitions <3>] [--connections <32>] [--triage-rate <cases/s, 5>] [--retrain-wait <minutes, 20>]";

    public TimeSpan Measure => TimeSpan.FromSeconds(MeasureSeconds);
    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <summary>Null on a bad command line.</summary>
    public static TriageIntakeOptions? Parse(string[] args)
    {
        var o = new TriageIntakeOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v <= 0)
            {
                return null;
            }
            o = args[i] switch
            {
                "--seconds" => o with { MeasureSeconds = (int)v },
                "--warmup" => o with { WarmupSeconds = (int)v },
                "--warmup-cap" => o with { WarmupCapSeconds = (int)v },
                "--repetitions" => o with { Repetitions = (int)v },
                "--connections" => o with { Connections = (int)v },
                "--triage-rate" => o with { TriageRate = v },
                "--retrain-wait" => o with { RetrainWaitMinutes = (int)v },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }
        return args.Length % 2 == 0 ? o : null;
    }
}
