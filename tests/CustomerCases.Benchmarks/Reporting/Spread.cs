namespace CustomerCases.Benchmarks.Reporting;

/// <summary>Median with min and max over repetitions: the protocol reports all three, never a mean of noisy runs.</summary>
public sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray(); // ∞ stays: a phase that timed out is worse than any number
        if (sorted.Length == 0)
        {
            return new Spread(double.NaN, double.NaN, double.NaN);
        }
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    public string Format(string number = "0.##") =>
        double.IsNaN(Median) ? "n/a" : $"{Fmt(Median, number)} ({Fmt(Min, number)}–{Fmt(Max, number)})";

    private static string Fmt(double value, string number) => value.ToString(number, System.Globalization.CultureInfo.InvariantCulture);
}
