namespace CustomerCases.Api.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server in this process (every API node does by default).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How often Hangfire looks for due scheduled jobs; its default (15 s) is far too coarse for timers.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 4;

    /// <summary>How long idempotency answers are kept for retries.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);
}
