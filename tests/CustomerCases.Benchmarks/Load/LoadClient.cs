using System.Diagnostics;
using System.Net;

namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// HTTP load generator with two modes over one <see cref="SocketsHttpHandler"/> capped at a fixed number of connections:
/// closed loop (N workers back-to-back, for maximum throughput) and open loop (constant arrival rate, for latency).
/// </summary>
public sealed class LoadClient : IDisposable
{
    /// <summary>Open loop stops sending (and counts "client-backlog" errors) beyond this many unanswered requests, so an overloaded target cannot exhaust client memory.</summary>
    private const int MaxOutstanding = 50_000;

    private readonly HttpClient _http;

    public LoadClient(int maxConnectionsPerServer, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnectionsPerServer,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { Timeout = requestTimeout };
    }

    /// <summary>
    /// Closed loop: <paramref name="workers"/> send back-to-back. Requests that complete inside the measure window count
    /// (throughput = completions in the window ÷ its length). Counting only requests that also started inside it would
    /// drop up to one in-flight request per worker at each edge: 15 % of a 2 s window when a request takes 300 ms.
    /// </summary>
    public async Task<LoadResult> RunClosedLoopAsync(LoadTarget target, int workers, TimeSpan warmup, TimeSpan measure, CancellationToken ct)
    {
        var recorder = new PhaseRecorder();
        var serverCpu = ServerCpuWindow.MeasureAsync(target.ServerProcessId, warmup, measure, ct);
        var measureStart = Stopwatch.GetTimestamp() + Ticks(warmup);
        var measureEnd = measureStart + Ticks(measure);
        long sequence = 0;

        async Task WorkerAsync()
        {
            await Task.Yield();
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureEnd)
                {
                    return;
                }
                var error = await SendAsync(target, Interlocked.Increment(ref sequence), ct);
                var done = Stopwatch.GetTimestamp();
                if (done >= measureStart && done <= measureEnd)
                {
                    recorder.Record(error, done - sent);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkerAsync()));
        return LoadResult.From(target.Name, "closed", 0, measure, recorder, await serverCpu);
    }

    /// <summary>
    /// Open loop at a constant arrival rate. Request i is due at start + i/rate and is sent then whether or not earlier
    /// requests have finished; its latency runs from that scheduled time, so queueing anywhere (client pool, server)
    /// shows up in the percentiles instead of silently lowering the send rate (no coordinated omission).
    /// </summary>
    public async Task<LoadResult> RunOpenLoopAsync(LoadTarget target, double ratePerSecond, TimeSpan warmup, TimeSpan measure, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        var recorder = new PhaseRecorder();
        var serverCpu = ServerCpuWindow.MeasureAsync(target.ServerProcessId, warmup, measure, ct);
        var firstMeasured = (long)(warmup.TotalSeconds * ratePerSecond);
        var total = firstMeasured + (long)(measure.TotalSeconds * ratePerSecond);
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long outstanding = 1; // the dispatcher holds one count until it has scheduled everything

        void Complete()
        {
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                drained.TrySetResult();
            }
        }

        async Task SendScheduledAsync(long n, long scheduled, bool measured)
        {
            try
            {
                var error = await SendAsync(target, n, ct);
                if (measured)
                {
                    recorder.Record(error, Stopwatch.GetTimestamp() - scheduled);
                }
            }
            finally
            {
                Complete();
            }
        }

        // A dedicated thread keeps the schedule independent of thread-pool load. It sleeps 1 ms when nothing is due
        // rather than spinning, because spinning would take one of the two cores from the server under test; requests
        // that fell due during the sleep are sent together, each still timed from its own scheduled instant.
        var dispatcher = new Thread(() =>
        {
            try
            {
                var start = Stopwatch.GetTimestamp();
                for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
                {
                    var scheduled = start + (long)(i * ticksPerRequest);
                    long now;
                    while ((now = Stopwatch.GetTimestamp()) < scheduled)
                    {
                        Thread.Sleep(1);
                    }
                    var measured = i >= firstMeasured;
                    if (measured)
                    {
                        recorder.RecordDispatchLag(now - scheduled);
                    }
                    if (Interlocked.Read(ref outstanding) > MaxOutstanding)
                    {
                        if (measured)
                        {
                            recorder.Record("client-backlog", 0);
                        }
                        continue;
                    }
                    Interlocked.Increment(ref outstanding);
                    var n = i;
                    // Off the dispatcher thread: the synchronous part of SendAsync (headers, socket write) must not delay the schedule.
                    ThreadPool.UnsafeQueueUserWorkItem(_ => _ = SendScheduledAsync(n, scheduled, measured), null);
                }
            }
            finally
            {
                Complete();
            }
        })
        { IsBackground = true, Name = "open-loop-dispatcher" };
        dispatcher.Start();

        await drained.Task.WaitAsync(ct);
        return LoadResult.From(target.Name, "open", ratePerSecond, measure, recorder, await serverCpu);
    }

    /// <summary>Sends one request and reads the whole response. Returns null on the expected status, else the failure kind.</summary>
    private async Task<string?> SendAsync(LoadTarget target, long n, CancellationToken ct)
    {
        try
        {
            using var request = target.CreateRequest(n);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (response.StatusCode != target.ExpectedStatus)
            {
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            target.Observe?.Invoke(response);
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Dispose() => _http.Dispose();
}
