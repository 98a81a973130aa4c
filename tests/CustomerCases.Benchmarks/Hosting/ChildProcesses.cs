using System.Diagnostics;

namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// Last line of defence against orphaned services: every child started by the harness is killed when the
/// benchmark process exits, including on Ctrl+C and unhandled exceptions, where no <c>finally</c> may run.
/// </summary>
internal static class ChildProcesses
{
    private static readonly HashSet<Process> Running = [];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    public static void Track(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    public static void Forget(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    public static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
            Running.Clear();
        }
    }
}
