using CustomerCases.Classification;
using CustomerCases.Classification.Runtime;
using CustomerCases.Persistence;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

/// <summary>
/// Keeps this node's classifier on the active model: loads it at start (training the starter model on a fresh
/// install), then checks the database periodically, so activating or rolling back needs no restart on any node.
/// Intake never waits for this: without a model every case goes to a human.
/// </summary>
internal sealed partial class TriageModelSync(IServiceScopeFactory scopes, ModelHolder holder, IOptions<TriageOptions> options,
    TimeProvider time, ILogger<TriageModelSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await EnsureModelAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }

        // A delay after each pass rather than a PeriodicTimer on the injected clock: advanced by days (tests' fake
        // clock), such a timer fires once per elapsed period — 40,000 callbacks for a week at 15 s, which cost a
        // test with two nodes 26 s — where one pass is all a jump needs.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.SyncInterval, time, stoppingToken);
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    /// <summary>Loads the active model if it is not the one in memory; returns the active version.</summary>
    public async Task<string?> SyncAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TriageModelStore>();
        var active = await store.ActiveVersionAsync(ct);
        if (active is not null && holder.Current?.VersionId != active && await store.LoadAsync(active, ct) is { } model)
        {
            holder.Swap(model);
            LogLoaded(logger, active);
        }

        return active;
    }

    private async Task EnsureModelAsync(CancellationToken ct)
    {
        if (await SyncAsync(ct) is not null || !options.Value.TrainStarterModelWhenEmpty)
        {
            return;
        }

        // A few seconds of one core, on a thread at a raised nice value as all training (G8): a fresh install may
        // already take cases. Not the child process retraining uses: that costs a process start for 2 s of work.
        var trained = await LowPriorityWork.RunAsync(() => StarterModel.Train(evaluationFraction: options.Value.EvaluationFraction), "triage-starter");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<TriageModelStore>();
        using (await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(ct))
        {
            if (await store.ActiveVersionAsync(ct) is null) // another node may have been quicker
            {
                store.Add(trained, "starter data set");
                await store.ActivateAsync(trained.VersionId, ct);
                await db.SaveChangesAsync(ct);
                LogStarter(logger, trained.VersionId, trained.Report.TotalSeconds);
            }
        }

        await SyncAsync(ct);
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Triage model {VersionId} loaded")]
    private static partial void LogLoaded(ILogger logger, string versionId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "No triage model yet: starter model {VersionId} trained in {Seconds:F1} s and activated")]
    private static partial void LogStarter(ILogger logger, string versionId, double seconds);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Triage model synchronisation failed; intake sends cases to humans until a model loads")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
