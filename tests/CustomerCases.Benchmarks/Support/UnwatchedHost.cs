using Microsoft.AspNetCore.Builder;

namespace CustomerCases.Benchmarks.Support;

/// <summary>
/// Options for the harness's own web hosts (baselines, fakes). A host watches its content root recursively to reload
/// appsettings.json (inotify on Linux): rooted in a run's scratch folder — or in /tmp — it received an event for every
/// page the measured service and the baseline wrote to their SQLite files there, which cost both writers kernel time
/// (fsnotify was ~37 % of pwrite in a profile of the durable benchmark) and this process a reader thread. So: no reload,
/// and an empty content root of its own.
/// </summary>
internal static class UnwatchedHost
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
        ContentRootPath = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "customercases-bench-host-root")).FullName, // stays empty
    };
}
