namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// Turns Ctrl+C into a cancellation instead of an abrupt exit, so scenarios unwind through their
/// <c>await using</c> blocks and stop the service and baseline servers they started.
/// </summary>
public sealed class BenchmarkCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();

    public BenchmarkCancellation() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _cts.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Console.Error.WriteLine("cancelling: stopping servers…");
        _cts.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _cts.Dispose();
    }
}
