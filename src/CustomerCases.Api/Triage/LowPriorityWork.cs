using System.Runtime.InteropServices;

namespace CustomerCases.Api.Triage;

/// <summary>
/// Runs CPU-heavy triage work (training, embedding) on a dedicated thread with a lower scheduling priority, so intake
/// threads win the cores (performance goal G8). .NET ignores Thread.Priority on Linux; the thread's nice value is
/// raised with setpriority(2) instead (per thread on Linux). The thread ends with the work, so the nice value never
/// needs to be lowered again (which would need privileges).
/// </summary>
internal static class LowPriorityWork
{
    /// <summary>Nice value of the work thread (0 = normal, 19 = lowest).</summary>
    public const int Nice = 10;

    public static Task<T> RunAsync<T>(Func<T> work, string name)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = ThreadPriority.BelowNormal, // honoured on Windows
        };
        thread.Start();
        return completion.Task;
    }

    /// <summary>The calling thread's nice value (Linux), for tests and diagnostics; null elsewhere.</summary>
    public static int? CurrentNice() => OperatingSystem.IsLinux() ? getpriority(PrioProcess, gettid()) : null;

    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: failing to lower the priority must not fail the work.
            _ = setpriority(PrioProcess, gettid(), Nice);
        }
    }

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
}
