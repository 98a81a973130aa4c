using CustomerCases.Classification;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

/// <summary>
/// The second triage stage: takes pending <see cref="TriageRefinementRecord"/>s (written by intake in its transaction),
/// embeds their texts in a batch on a low-priority thread, and applies the refined triage in one transaction, which
/// also starts the cases' workflows (intake deferred them, so they route on the final triage). Nudged after each
/// intake commit; also polls, so rows left by a crash or by another node are processed. Two nodes on one row: the
/// row's <c>Attempts</c> is a concurrency token, the later commit fails and its batch is retried (then finds it done).
/// </summary>
internal sealed partial class TriageRefinementWorker(IServiceScopeFactory scopes, ICaseRefiner refiner, TriageRefinementSignal signal,
    IOptions<TriageOptions> options, TimeProvider time, ILogger<TriageRefinementWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value.Refinement;
        while (!stoppingToken.IsCancellationRequested)
        {
            var completed = 0;
            try
            {
                completed = await ProcessBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            if (completed < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Processes up to one batch of pending refinements; returns how many were completed.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        var settings = options.Value.Refinement;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var pending = await db.TriageRefinements.AsNoTracking().Where(r => r.CompletedAt == null)
            .OrderBy(r => r.EnqueuedAt).Take(settings.BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var ids = pending.Select(r => r.CaseId).ToList();
        var texts = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Subject, c.Description }).ToDictionaryAsync(c => c.Id, ct);
        var ordered = pending.Select(r => texts.TryGetValue(r.CaseId, out var t)
            ? Classification.Training.TextComposer.Compose(t.Subject, t.Description) : "").ToList();

        IReadOnlyList<CaseClassification> refined = [];
        string? failure = null;
        if (refiner.CanRefine)
        {
            try
            {
                refined = await LowPriorityWork.RunAsync(() => refiner.Refine(ordered, ct), "triage-refinement");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The embedder is optional: if it cannot run here (native library, memory), the intake answer stands.
                failure = $"{ex.GetType().Name}: {ex.Message}";
                LogEmbedderFailed(logger, ex);
            }
        }

        return await ApplyAsync(scope.ServiceProvider, db, ids, refined, failure, settings.MaxAttempts, ct);
    }

    private async Task<int> ApplyAsync(IServiceProvider services, CustomerCasesDbContext db, List<Guid> ids, IReadOnlyList<CaseClassification> refined,
        string? failure, int maxAttempts, CancellationToken ct)
    {
        var triageQueue = options.Value.TriageQueue;
        var completed = 0;
        var workflows = services.GetRequiredService<Workflows.WorkflowCaseHooks>();
        using (await services.GetRequiredService<WriteGate>().EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Re-read inside the transaction: another node may have finished some of them meanwhile.
            var rows = await db.TriageRefinements.Where(r => ids.Contains(r.CaseId) && r.CompletedAt == null).ToDictionaryAsync(r => r.CaseId, ct);
            var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var history = await db.CaseHistory.AsNoTracking()
                .Where(h => ids.Contains(h.CaseId) && (h.Field == "category" || h.Field == "priority" || h.Field == "queue"))
                .OrderBy(h => h.Sequence)
                .Select(h => new { h.CaseId, h.Field, h.ActorKind, h.OldValue, h.NewValue })
                .ToListAsync(ct);
            var now = time.GetUtcNow();
            for (var i = 0; i < ids.Count; i++)
            {
                if (!rows.TryGetValue(ids[i], out var row))
                {
                    continue;
                }

                row.Attempts++;
                if (failure is not null)
                {
                    if (row.Attempts >= maxAttempts)
                    {
                        Complete(row, "failed: " + failure, now);
                        completed++;
                        await StartWorkflowsAsync(workflows, cases.GetValueOrDefault(row.CaseId), ct); // on the intake triage
                    }
                    continue;
                }

                string outcome;
                if (!cases.TryGetValue(row.CaseId, out var @case))
                {
                    outcome = "skipped: case not found";
                }
                else if (refined.Count == 0)
                {
                    outcome = "skipped: the active model has no refinement on this node";
                }
                else if (@case.Status == CaseStatus.Closed)
                {
                    outcome = "skipped: case closed";
                }
                else
                {
                    var ofCase = history.Where(h => h.CaseId == row.CaseId).ToList();
                    var modelToTriage = ofCase.LastOrDefault(h => h.Field == "queue" && h.ActorKind == ActorKind.Model && h.NewValue == triageQueue);
                    var state = new TriageRefinementApplier.CaseState(
                        ofCase.Any(h => h.Field == "category" && h.ActorKind == ActorKind.User),
                        ofCase.Any(h => h.Field == "priority" && h.ActorKind == ActorKind.User),
                        ofCase.Any(h => h.Field == "queue" && h.ActorKind == ActorKind.User),
                        modelToTriage?.OldValue,
                        modelToTriage is not null);
                    outcome = TriageRefinementApplier.Apply(@case, row, refined[i], state, triageQueue, now);
                }

                Complete(row, outcome, now);
                completed++;
                await StartWorkflowsAsync(workflows, @case, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await services.GetRequiredService<Workflows.AfterCommit>().RunAsync(ct);
        return completed;
    }

    /// <summary>Triage is final for this case: its workflows start now (unless it was closed meanwhile).</summary>
    private static async Task StartWorkflowsAsync(Workflows.WorkflowCaseHooks workflows, Case? @case, CancellationToken ct)
    {
        if (@case is not null && @case.Status != CaseStatus.Closed)
        {
            await workflows.StartCaseWorkflowsAsync(@case.Id, ct);
        }
    }

    private static void Complete(TriageRefinementRecord row, string outcome, DateTimeOffset now)
    {
        row.Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
        row.CompletedAt = now;
    }

    [LoggerMessage(EventId = 3220, Level = LogLevel.Error, Message = "Triage refinement batch failed; pending cases are retried")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3221, Level = LogLevel.Warning, Message = "Sentence embedder failed; cases keep their intake triage after the last attempt")]
    private static partial void LogEmbedderFailed(ILogger logger, Exception exception);
}
