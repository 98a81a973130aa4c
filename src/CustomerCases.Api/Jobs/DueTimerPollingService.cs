namespace CustomerCases.Api.Jobs;

/// <summary>Runs <see cref="DueTimerPoller"/> on every node that runs jobs, on the injected clock's ticks.</summary>
internal sealed partial class DueTimerPollingService(DueTimerPoller poller, JobsOptions options, TimeProvider time, ILogger<DueTimerPollingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.TimerPollInterval, time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await poller.PollOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // e.g. the database is briefly unreachable: try again on the next tick; Hangfire is the backstop meanwhile.
                    LogPassFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "A timer polling pass failed; retrying on the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
