using System.Runtime.InteropServices;

namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// Turns the first Ctrl+C / SIGINT / SIGTERM into a cancellation instead of an abrupt exit, so scenarios unwind
/// through their <c>await using</c> blocks and stop the service and baseline servers they started. A second signal
/// terminates at once (<see cref="ChildProcesses"/> still kills the children on the way out).
/// </summary>
public sealed class BenchmarkCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public BenchmarkCancellation() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    public CancellationToken Token => _cts.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_cts.IsCancellationRequested)
        {
            ChildProcesses.KillAll();
            return; // second signal: default handling ends the process
        }
        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: cancelling, stopping servers…");
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cts.Dispose();
    }
}
