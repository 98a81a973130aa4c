using System.Globalization;
using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>
/// `triage`: trains with model selection on a validation split carved from --train, evaluates once on --test (or on a
/// seeded, stratified --holdout of --train), and reports accuracy, macro-F1, training time, latency and throughput.
/// With --oos-label, low-confidence predictions go to a human; the threshold comes from training data only: out-of-fold
/// predictions of the final configuration (--oos-folds, default 5) or, with --oos-folds 0, the selection's validation split.
/// </summary>
public static class TriageScenario
{
    public static Task<int> RunAsync(string[] args)
    {
        TriageArguments arguments;
        try
        {
            arguments = TriageArguments.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"triage: {ex.Message}\nusage: {TriageArguments.Usage}");
            return Task.FromResult(2);
        }
        return Task.FromResult(Run(arguments));
    }

    private static int Run(TriageArguments a)
    {
        var csv = new CsvDatasetOptions { TextColumn = a.TextColumn, LabelColumns = [a.LabelColumn] };
        var (train, test) = LoadData(a, csv);
        Console.WriteLine($"triage: train {train.Rows.Count} rows ({train.Source}), test {test.Rows.Count} rows ({test.Source}), " +
                          $"{Environment.ProcessorCount} cores, threads cap {(a.Threads?.ToString(CultureInfo.InvariantCulture) ?? "none")}");

        // CPU time next to wall time: on a shared machine wall time depends on the neighbours, CPU time much less.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        using var encoder = a.Embedder is null ? null : new Classification.MiniLM.MiniLmEmbedder(a.EmbedderThreads);
        Classification.Embeddings.ISentenceEmbedder? embedder = encoder is null || a.EmbeddingCache is null ? encoder : new DiskCachedEmbedder(encoder, a.EmbeddingCache);
        var trained = new TriageTrainer(a.ToTrainingOptions(embedder)).Train(train, new ConsoleProgress());
        var trainCpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var labelSet = trained.LabelSets[0];
        PrintReport(labelSet.Report);
        if (a.Save is not null)
        {
            ModelPackage.Save(trained, a.Save);
            Console.WriteLine($"saved {a.Save} ({new FileInfo(a.Save).Length / 1024.0 / 1024.0:F1} MB)");
        }

        var model = LoadedModel.FromTrained(trained, embedder);
        var predictor = model.LabelSets[0];
        var metrics = ModelEvaluator.Evaluate(model, test, a.LabelColumn);
        if (predictor.Refinement is not null)
        {
            var intake = ModelEvaluator.Evaluate(model, test, a.LabelColumn, intakeOnly: true);
            Console.WriteLine(Invariant($"intake model alone (before refinement): accuracy {intake.Accuracy:F4}, macro-F1 {intake.MacroF1:F4}"));
            var (rp50, rp99, rPerSecond) = LatencyProbe.Refinement(predictor.Refinement, encoder!, test.Rows.Select(r => r.Text).Take(500).ToList());
            Console.WriteLine(Invariant($"refinement latency (1 text: embed + predict, {a.EmbedderThreads} ONNX thread(s), never from the embedding cache): p50 {rp50:F1} ms, p99 {rp99:F1} ms, {rPerSecond:F0}/s"));
        }
        var texts = test.Rows.Select(r => r.Text).ToList();
        var (p50, p99, singlePerSecond) = LatencyProbe.SingleThread(labelSet.Model, texts);
        var (threads, pooledPerSecond) = LatencyProbe.Pooled(predictor, texts);
        var trainSeconds = trained.Report.TotalSeconds;

        Console.WriteLine(Invariant($"training: {trainSeconds:F1} s wall (of which embedding {trained.Report.EmbedSeconds:F1} s), {trainCpuSeconds:F1} s CPU, load average {LoadAverage()}"));
        Console.WriteLine(Invariant($"test: accuracy {metrics.Accuracy:F4}, macro-F1 {metrics.MacroF1:F4}, log-loss {metrics.LogLoss:F3}, rows {metrics.Rows}"));
        Console.WriteLine(Invariant($"latency (1 thread, PredictionEngine): p50 {p50 * 1000:F1} µs, p99 {p99 * 1000:F1} µs, {singlePerSecond:F0} predictions/s"));
        Console.WriteLine(Invariant($"throughput (pooled, {threads} threads): {pooledPerSecond:F0} predictions/s"));
        Console.WriteLine(Invariant($"advised thresholds: auto-apply {labelSet.AdvisedThresholds.AutoApply:F2}, suggest {labelSet.AdvisedThresholds.Suggest:F2}"));
        PrintWorstClasses(metrics);

        var last = Invariant($"triage: accuracy={metrics.Accuracy:F4} macroF1={metrics.MacroF1:F4} trainSeconds={trainSeconds:F1}");
        if (a.OosLabel is { } oos)
        {
            var final = predictor.Refinement ?? predictor;
            var vectors = predictor.Refinement is null ? null : embedder!.Embed(test.Rows.Select(r => r.Text).ToArray());
            var testPredictions = test.Rows.Select((r, i) =>
            {
                var p = final.Predict(r.Text, embedding: vectors?[i]);
                return new ValidationPrediction(r.Labels[0], p.Label ?? string.Empty, p.Probability);
            }).ToList();
            var chosen = OutOfScopeReport.Print(labelSet, testPredictions, oos, a.OosRule);
            last += Invariant($" inScopeAccuracy={chosen.InScope:F4} oosRecall={chosen.Recall:F4}");
        }
        Console.WriteLine(last);
        return 0;
    }

    private static (LabelledDataset Train, LabelledDataset Test) LoadData(TriageArguments a, CsvDatasetOptions csv)
    {
        var all = CsvDatasetReader.ReadFile(a.Train, csv);
        if (a.Test is not null)
        {
            return (all, CsvDatasetReader.ReadFile(a.Test, csv));
        }
        var (trainIdx, holdoutIdx) = StratifiedSplit.Split(
            all.LabelledIndices(0), i => all.Rows[i].Labels[0], a.Holdout!.Value, a.Seed + 1000);
        return (all.Subset(trainIdx, $"{all.Source} minus holdout"),
                all.Subset(holdoutIdx, Invariant($"{all.Source} holdout {a.Holdout:F2} (stratified, seed {a.Seed + 1000})")));
    }

    private static void PrintReport(LabelSetReport report)
    {
        Console.WriteLine(Invariant($"selection for '{report.LabelSet}': {report.TrainingRows} rows, {report.ValidationRows} validation, {report.Labels.Count} labels, featurise {report.FeaturizeSeconds:F1} s"));
        Console.WriteLine("| candidate | val accuracy | val macro-F1 | val log-loss | train s |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var c in report.Candidates)
        {
            Console.WriteLine(c.Skipped is null
                ? Invariant($"| {c.Candidate} | {c.Accuracy:F4} | {c.MacroF1:F4} | {c.LogLoss:F3} | {c.TrainSeconds:F1} |")
                : $"| {c.Candidate} | – | – | – | {c.Skipped} |");
        }
        Console.WriteLine($"winner: {report.Reason}");
        Console.WriteLine(Invariant($"final refit on all rows: {report.FinalFitSeconds:F1} s"));
    }

    private static void PrintWorstClasses(ModelMetrics metrics)
    {
        var worst = metrics.PerClass.Where(c => c.Support > 0).OrderBy(c => c.F1).Take(5)
            .Select(c => Invariant($"{c.Label} F1 {c.F1:F2}"));
        Console.WriteLine($"weakest classes: {string.Join(", ", worst)}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
