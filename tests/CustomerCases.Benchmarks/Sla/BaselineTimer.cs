namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// B-timer (performance.md §3.1): a bare in-process wake-up of the same due times, in the same process and run as the
/// service's timers — one loop awaiting <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> until each
/// due time, no database, no work. Its lateness is what this process and machine allow at best; the service's is
/// read against it.
/// </summary>
internal static class BaselineTimer
{
    public static async Task<List<double>> RunAsync(IReadOnlyList<DateTimeOffset> dueTimes, TimeProvider time, CancellationToken ct)
    {
        var lateness = new List<double>(dueTimes.Count);
        foreach (var due in dueTimes.Order())
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }

            lateness.Add((time.GetUtcNow() - due).TotalMilliseconds);
        }

        return lateness;
    }
}
