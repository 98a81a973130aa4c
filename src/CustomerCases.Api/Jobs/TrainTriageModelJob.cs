using System.Text.Json;
using CustomerCases.Api.Triage;
using CustomerCases.Classification;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Metrics;
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
/// new version without activating it. ML.NET runs single-threaded (RetrainMaxThreads) on a thread with a raised nice value
/// (<see cref="LowPriorityWork"/>), so training does not starve intake (performance goal G8).
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
internal sealed partial class TrainTriageModelJob(CustomerCasesDbContext db, WriteGate gate, TriageModelStore store, ModelHolder holder,
    IOptions<ClassificationOptions> classification, IOptions<TriageOptions> triage, TimeProvider time, ILogger<TrainTriageModelJob> logger)
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
            var trained = await LowPriorityWork.RunAsync(() => new TriageTrainer(TrainingOptions()).Train(training, cancellationToken: ct), "triage-retraining");
            Progress(context, 80, "trained; evaluating");
            var candidate = LoadedModel.FromTrained(trained, store.Embedder);
            var active = holder.Current;
            // Evaluating embeds the evaluation rows: low priority as well.
            var decisions = await LowPriorityWork.RunAsync(() => candidate.LabelSets.ToDictionary(s => s.Name, s => PromotionRule.Decide(
                ModelEvaluator.Evaluate(candidate, evaluation, s.Name).MacroF1,
                active?.Find(s.Name) is null ? double.NaN : ModelEvaluator.Evaluate(active, evaluation, s.Name).MacroF1,
                classification.Value.RetrainTolerance)), "triage-evaluation");
            var promote = decisions.Values.All(d => d.Promote);
            using (await gate.EnterAsync(ct))
            {
                store.Add(trained, all.Source);
                if (promote)
                {
                    await store.ActivateAsync(trained.VersionId, ct);
                }

                run.CandidateVersion = trained.VersionId;
                run.Promoted = promote;
                run.DecisionJson = JsonSerializer.Serialize(decisions, TriageModelStore.ReportJson);
                run.FinishedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }

            if (promote)
            {
                holder.Swap(candidate);
            }

            LogFinished(logger, trained.VersionId, promote, string.Join("; ", decisions.Select(d => $"{d.Key}: {d.Value.Reason}")));
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
            var trained = await LowPriorityWork.RunAsync(() => new TriageTrainer(TrainingOptions()).Train(data, cancellationToken: ct), "triage-training");
            using (await gate.EnterAsync(ct))
            {
                store.Add(trained, data.Source);
                run.CandidateVersion = trained.VersionId;
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

    /// <summary>Thread cap from configuration; embedding candidates where the embedder is registered and enabled.</summary>
    private TrainingOptions TrainingOptions() => classification.Value.ToTrainingOptions() with { Embedder = store.Embedder };

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
