using System.Globalization;

namespace CustomerCases.Benchmarks.Machine;

/// <summary>
/// CPU time a process has used so far (user + system, from <c>/proc/&lt;pid&gt;/stat</c>). Divided by the requests
/// served in a window it gives CPU per request, which tells a CPU-bound server (cost per request) from a waiting one
/// (locks, fsync, a serialised section): the first question when a ratio is off.
/// </summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ; 100 on every mainstream Linux build.</summary>
    private const double ClockTicksPerSecond = 100.0;

    /// <returns>Seconds of CPU used, or null where /proc is unavailable.</returns>
    public static double? TotalSeconds(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // Field 2 (comm) may contain spaces; the fields after it start behind the closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 overall, i.e. 11 and 12 counted from field 3.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / ClockTicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
