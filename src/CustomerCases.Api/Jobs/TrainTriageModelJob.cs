using System.Text.Json;
using CustomerCases.Api.Triage;
using CustomerCases.Api.Triage.Training;
using CustomerCases.Classification;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Promotion;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using CustomerCases.Persistence;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Trains a triage model. The recurring retraining learns from agents' labels plus the starter data, evaluates the
/// candidate and the active model on the same held-back part, and promotes only when macro-F1 is not worse (within
/// the tolerance); the decision and both scores are recorded on the run. A training from an uploaded file stores the
/// new version without activating it. Training and scoring run through <see cref="ITriageTrainingRunner"/>: by default in a
/// worker process at the lowest priority, single-threaded (RetrainMaxThreads), so training does not starve intake
/// (performance goal G8); the decision, storing and activation stay here.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
internal sealed partial class TrainTriageModelJob(CustomerCasesDbContext db, WriteGate gate, TriageModelStore store, ModelHolder holder,
    ITriageTrainingRunner runner, IOptions<ClassificationOptions> classification, IOptions<TriageOptions> triage, TimeProvider time, ILogger<TrainTriageModelJob> logger)
{
    public const string RecurringId = "retrain-triage-model";

    public async Task RetrainAsync(PerformContext? context, CancellationToken ct)
    {
        var run = new Persistence.Triage.TriageTrainingRunRecord { Id = Guid.CreateVersion7(time.GetUtcNow()), Trigger = "schedule", StartedAt = time.GetUtcNow() };
        db.TriageTrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        try
        {
            var labels = await db.TriageLabels.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
            var starter = StarterModel.LoadDataset();
            var rows = starter.Rows.Concat(labels.Select(l => new LabelledRow(l.Text, [l.Category ?? "", l.Priority ?? ""]))).ToList();
            var all = new LabelledDataset($"starter + {labels.Count} agent labels", StarterModel.LabelColumns, rows);
            var (training, evaluation) = EvaluationHoldout.Split(all, triage.Value.EvaluationFraction);
            Progress(context, 5, "data loaded");
            LogStarted(logger, rows.Count, labels.Count);
            var active = holder.Current;
            var activePackage = active is null ? null : await store.PackageAsync(active.VersionId, ct);
            // Training and scoring both models on the held-back rows run away from intake (in the worker process by default).
            var outcome = await runner.TrainAsync(new TriageTrainingRequest(training, evaluation, activePackage), ct);
            Progress(context, 80, "trained and evaluated");
            var decisions = outcome.Scores.ToDictionary(s => s.Key, s => PromotionRule.Decide(s.Value.Candidate, s.Value.Active, classification.Value.RetrainTolerance));
            var promote = decisions.Values.All(d => d.Promote);
            var versionId = outcome.Manifest.VersionId;
            // Loaded before the gate (and at low priority): a promoted model is swapped in right after the commit.
            var candidate = promote ? await LowPriorityWork.RunAsync(() => Load(outcome.Package), "triage-model-load") : null;
            using (await gate.EnterAsync(ct))
            {
                store.Add(outcome.Package, outcome.Manifest, all.Source);
                if (promote)
                {
                    await store.ActivateAsync(versionId, ct);
                }

                run.CandidateVersion = versionId;
                run.Promoted = promote;
                run.DecisionJson = JsonSerializer.Serialize(decisions, TriageModelStore.ReportJson);
                run.FinishedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }

            if (candidate is not null)
            {
                holder.Swap(candidate);
            }

            LogFinished(logger, versionId, promote, string.Join("; ", decisions.Select(d => $"{d.Key}: {d.Value.Reason}")));
            Progress(context, 100, "done");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Error = ex.Message;
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task TrainUploadedAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.TriageTrainingRuns.SingleAsync(r => r.Id == runId, ct);
        try
        {
            var columns = (run.LabelColumns ?? "category").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            using var reader = new StringReader(run.DatasetCsv ?? "");
            var data = CsvDatasetReader.Read(reader, new CsvDatasetOptions { TextColumn = "text", LabelColumns = columns }, "upload " + run.Id);
            var outcome = await runner.TrainAsync(new TriageTrainingRequest(data), ct);
            using (await gate.EnterAsync(ct))
            {
                store.Add(outcome.Package, outcome.Manifest, data.Source);
                run.CandidateVersion = outcome.Manifest.VersionId;
                run.FinishedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Error = ex.Message;
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private LoadedModel Load(byte[] package)
    {
        using var stream = new MemoryStream(package);
        return ModelPackage.Load(stream, store.Embedder);
    }

    /// <summary>Progress as a job parameter (visible in the Hangfire dashboard) and in the log.</summary>
    private void Progress(PerformContext? context, int percent, string step)
    {
        context?.SetJobParameter("progress", percent);
        LogProgress(logger, percent, step);
    }

    [LoggerMessage(EventId = 3212, Level = LogLevel.Information, Message = "Triage retraining {Percent}%: {Step}")]
    private static partial void LogProgress(ILogger logger, int percent, string step);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Triage retraining started on {Rows} rows ({Labels} from agents)")]
    private static partial void LogStarted(ILogger logger, int rows, int labels);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Information, Message = "Triage retraining produced {VersionId}; promoted: {Promoted} ({Reasons})")]
    private static partial void LogFinished(ILogger logger, string versionId, bool promoted, string reasons);
}
