using System.Runtime.InteropServices;

namespace CustomerCases.Benchmarks.Reporting;

/// <summary>Machine and software facts recorded with every result, so a number can be traced to where it was measured.</summary>
public sealed record RunFacts(
    DateTimeOffset StartedUtc, string MachineName, int Cores, string Os, string Runtime, bool ServerGc, string SqliteVersion, string? GitCommit)
{
    public static RunFacts Collect(TimeProvider time) => new(
        time.GetUtcNow(),
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC,
        Baselines.SqliteDatabaseSettings.SqliteVersion(),
        ReadGitCommit());

    private static string? ReadGitCommit()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
