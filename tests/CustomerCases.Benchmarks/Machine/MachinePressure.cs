using System.Globalization;

namespace CustomerCases.Benchmarks.Machine;

/// <summary>
/// How busy the shared machine was just before a repetition: load1 and the kernel's pressure-stall "some avg10"
/// for CPU and IO (percent of the last 10 s in which some task waited). Values are null where /proc lacks them.
/// </summary>
public sealed record MachinePressure(double? Load1, double? CpuSomeAvg10, double? IoSomeAvg10, int Cores)
{
    /// <summary>performance.md §3.3: a repetition is disturbed when load1 &gt; 2 × cores or IO pressure avg10 &gt; 10 %.</summary>
    public bool Disturbed => Load1 > 2.0 * Cores || IoSomeAvg10 > 10.0;

    public static MachinePressure Sample() =>
        new(ReadLoad1(), ReadSomeAvg10("/proc/pressure/cpu"), ReadSomeAvg10("/proc/pressure/io"), Environment.ProcessorCount);

    /// <summary>Samples every <paramref name="step"/> until undisturbed or <paramref name="patience"/> has passed; returns the last sample.</summary>
    public static async Task<MachinePressure> WaitForQuietAsync(TimeSpan patience, TimeSpan step, CancellationToken ct)
    {
        var sample = Sample();
        for (var waited = TimeSpan.Zero; sample.Disturbed && waited < patience; waited += step)
        {
            await Task.Delay(step, ct);
            sample = Sample();
        }
        return sample;
    }

    private static double? ReadLoad1()
    {
        var text = TryRead("/proc/loadavg");
        return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static double? ReadSomeAvg10(string path)
    {
        // Format: "some avg10=2.97 avg60=4.21 avg300=4.42 total=22151960"
        var some = TryRead(path)?.Split('\n').FirstOrDefault(line => line.StartsWith("some ", StringComparison.Ordinal));
        var field = some?.Split(' ').FirstOrDefault(part => part.StartsWith("avg10=", StringComparison.Ordinal));
        return field is null ? null : double.Parse(field["avg10=".Length..], CultureInfo.InvariantCulture);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
