using System.Diagnostics;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// How the service starts itself as a training worker, wherever it is hosted: as its apphost, under <c>dotnet</c>, or
/// inside another program (tests and benchmarks host it in-process, where <see cref="Environment.ProcessPath"/> is
/// the test host). In the last two cases the worker is <c>dotnet exec</c> of CustomerCases.Api.dll with its own
/// runtimeconfig and deps files, which the SDK copies beside every program that references the service.
/// On Linux the command goes through <c>nice -n 19</c>, so every thread of the worker starts at the lowest priority.
/// </summary>
internal static class TrainingWorkerCommand
{
    /// <summary>Nice value of the worker process (19 = lowest).</summary>
    public const int Nice = 19;

    private static readonly string[] NicePaths = ["/usr/bin/nice", "/bin/nice"];

    public static ProcessStartInfo Create(string requestFile, string resultFile)
    {
        var (program, arguments) = Self();
        var nice = NicePaths.FirstOrDefault(File.Exists);
        var start = new ProcessStartInfo(nice ?? program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The worker's lifeline: it exits when this pipe closes, i.e. when the service that started it is gone.
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (nice is not null)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(Nice.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments.Concat([TrainingWorker.Switch, requestFile, resultFile]))
        {
            start.ArgumentList.Add(argument);
        }

        // The service runs server GC (one heap and GC thread per core); a batch job on one thread needs neither.
        start.Environment["DOTNET_gcServer"] = "0";
        return start;
    }

    /// <summary>True when the command lowers the worker's priority itself (otherwise the runner lowers the started process).</summary>
    public static bool StartsNiced => NicePaths.Any(File.Exists);

    private static (string Program, IReadOnlyList<string> Arguments) Self()
    {
        var assembly = typeof(TrainingWorker).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (Environment.ProcessPath is { } current && string.Equals(Path.GetFullPath(current), appHost, StringComparison.Ordinal))
        {
            return (current, []);
        }

        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"cannot start the training worker: {runtimeConfig} is missing (set Triage:TrainInChildProcess=false to train in-process)");
        }

        var arguments = new List<string> { "exec", "--runtimeconfig", runtimeConfig };
        var deps = Path.ChangeExtension(assembly, ".deps.json");
        if (File.Exists(deps))
        {
            arguments.AddRange(["--depsfile", deps]);
        }

        arguments.Add(assembly);
        return (DotnetHost(), arguments);
    }

    /// <summary>The dotnet host running us, else the one the SDK names (DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
