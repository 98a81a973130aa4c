namespace CustomerCases.Benchmarks.Load;

/// <summary>CPU seconds a server process uses during the measure window of a phase (sampled at its start and end).</summary>
internal static class ServerCpuWindow
{
    public static async Task<double?> MeasureAsync(int? processId, TimeSpan warmup, TimeSpan measure, CancellationToken ct)
    {
        if (processId is not { } pid)
        {
            return null;
        }
        await Task.Delay(warmup, ct);
        var before = Machine.ProcessCpu.TotalSeconds(pid);
        await Task.Delay(measure, ct);
        var after = Machine.ProcessCpu.TotalSeconds(pid);
        return after - before;
    }
}
