namespace CustomerCases.Benchmarks.Hosting;

/// <summary>A child server exited during a run; the message carries its exit code and last output lines.</summary>
public sealed class ServerExitedException(string message) : Exception(message);
