namespace CustomerCases.Benchmarks.Hosting;

/// <summary>A server a scenario loads, whether in this process or a child; disposing stops it.</summary>
public interface IRunningServer : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>The server's own process, or null when it runs inside the benchmark process (its CPU use then includes the client's).</summary>
    int? ProcessId { get; }

    /// <summary>Throws <see cref="ServerExitedException"/> if the server's process is gone (crashed or killed from outside).</summary>
    void EnsureRunning();
}
