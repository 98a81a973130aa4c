using System.Threading.Channels;

namespace CustomerCases.Api.Triage;

/// <summary>Wakes the refinement worker after an intake commit, so a case does not wait for the next poll.</summary>
internal sealed class TriageRefinementSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="interval"/> (on <paramref name="time"/>), whichever is first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, time, stop.Token);
        var notified = _channel.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(delay, notified);
        await stop.CancelAsync();
        _channel.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}
