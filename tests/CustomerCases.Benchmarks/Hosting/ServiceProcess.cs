using System.Diagnostics;

namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// Runs the real service (CustomerCases.Api.dll, copied beside this assembly by the project reference) as a child
/// process on a loopback port with a fresh SQLite file, so the scenario measures the shipped host, not an in-process
/// test server. Disposing kills the process tree; so does Ctrl+C or the benchmark exiting for any other reason.
/// </summary>
public sealed class ServiceProcess : IRunningServer
{
    private const int OutputLinesKept = 40;
    private readonly Process _process;
    private readonly Queue<string> _outputTail = new();

    private ServiceProcess(Process process, Uri baseAddress, string apiKey, string databasePath, long startedTimestamp)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        DatabasePath = databasePath;
        StartedTimestamp = startedTimestamp;
    }

    public Uri BaseAddress { get; }
    public string ApiKey { get; }
    public string DatabasePath { get; }
    public int? ProcessId => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started (cold-start measurements count from here).</summary>
    public long StartedTimestamp { get; }

    /// <summary>The real service: CustomerCases.Api.dll with no extra arguments.</summary>
    public static ServiceCommand RealService { get; } = new("CustomerCases.Api.dll", []);

    /// <summary>Starts the service and waits until <c>GET /health/ready</c> answers 200.</summary>
    /// <param name="command">Which dll to run; <see cref="RealService"/> except in the harness self-test.</param>
    /// <param name="extraEnvironment">Overrides for later scenarios (e.g. stubbed classifier, Postgres).</param>
    /// <param name="waitUntilReady">False returns right after the process started (cold-start probes do their own waiting).</param>
    public static async Task<ServiceProcess> StartAsync(
        string workDirectory, ServiceCommand command, IReadOnlyDictionary<string, string>? extraEnvironment, TimeSpan readyTimeout, CancellationToken ct,
        bool waitUntilReady = true)
    {
        var appDirectory = command.Folder is null ? AppContext.BaseDirectory : Path.GetFullPath(command.Folder);
        var dll = Path.Combine(appDirectory, command.Dll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(command.Folder is null
                ? $"{command.Dll} is not beside the benchmark; build the benchmark project."
                : $"{command.Dll} is not in {appDirectory} (--service-folder); publish the service there.", dll);
        }

        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var apiKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var databasePath = Path.Combine(workDirectory, command.DatabaseFileName);

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        startInfo.Environment["Database__Provider"] = "Sqlite";
        startInfo.Environment["ConnectionStrings__CustomerCases"] = $"Data Source={databasePath}";
        startInfo.Environment["Auth__BootstrapAdminKey"] = apiKey;
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet");
        ChildProcesses.Track(process);
        var service = new ServiceProcess(process, baseAddress, apiKey, databasePath, started);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!waitUntilReady)
        {
            return service;
        }

        try
        {
            await service.WaitUntilReadyAsync(readyTimeout, ct);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            // 137 = SIGKILL (e.g. the OOM killer or a broad pkill from another job on the machine), 134 = abort.
            throw new ServerExitedException(
                $"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} (pid {_process.Id}) exited with code {_process.ExitCode} during the run; last output:{Environment.NewLine}{OutputTail()}");
        }
    }

    /// <summary>The last lines the service wrote, for error messages.</summary>
    public string OutputTail()
    {
        lock (_outputTail)
        {
            return string.Join(Environment.NewLine, _outputTail);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_outputTail)
        {
            _outputTail.Enqueue(line);
            while (_outputTail.Count > OutputLinesKept)
            {
                _outputTail.Dequeue();
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        string last = "no answer";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"service exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{OutputTail()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                last = "timeout";
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"service not ready after {timeout.TotalSeconds:0} s ({last}):{Environment.NewLine}{OutputTail()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Best effort: the kill was sent; do not hang the benchmark on a stuck child.
            }
        }
        ChildProcesses.Forget(_process);
        _process.Dispose();
    }
}
