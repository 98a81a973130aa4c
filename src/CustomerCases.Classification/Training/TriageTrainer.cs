using System.Diagnostics;
using System.Globalization;
using CustomerCases.Classification.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CustomerCases.Classification.Training;

/// <summary>
/// Trains one model per label column with model selection: the candidates are fit on a stratified, seeded training part
/// and compared on the carved-out validation part by macro-F1; the winner is refit on all rows.
/// </summary>
public sealed class TriageTrainer
{
    private readonly TrainingOptions _options;

    /// <summary>Creates a trainer with the given options (defaults: all candidates, measured hyper-parameters).</summary>
    public TriageTrainer(TrainingOptions? options = null)
    {
        _options = options ?? new TrainingOptions();
        if (_options.Candidates.Count == 0)
        {
            throw new ArgumentException("at least one candidate trainer is required", nameof(options));
        }
        _options.OutOfScope?.Validate();
    }

    /// <summary>Trains every label column of <paramref name="data"/>. Deterministic for a given seed and data.</summary>
    /// <param name="data">Text and label columns.</param>
    /// <param name="progress">Receives each candidate's result as soon as it is known (training can take minutes).</param>
    /// <param name="cancellationToken">Checked between candidates.</param>
    public TrainedModel Train(LabelledDataset data, IProgress<CandidateResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var total = Stopwatch.StartNew();
        var labelSets = new List<TrainedLabelSet>();
        var labelCounts = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        var embedWatch = Stopwatch.StartNew();
        var embeddings = _options.Embedder is { } embedder ? EmbedAll(data, embedder, cancellationToken) : null;
        var embedSeconds = embeddings is null ? 0 : embedWatch.Elapsed.TotalSeconds;
        for (var column = 0; column < data.LabelColumns.Count; column++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (rows, counts, dropped) = UsableRows(data, column, embeddings);
            labelCounts[data.LabelColumns[column]] = counts;
            labelSets.Add(TrainLabelSet(data.LabelColumns[column], rows, dropped, progress, cancellationToken));
        }
        var createdAt = DateTimeOffset.UtcNow;
        var versionId = createdAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var report = new TrainingReport(data.Source, data.Rows.Count, labelSets.Select(l => l.Report).ToList(), total.Elapsed.TotalSeconds, embedSeconds);
        return new TrainedModel(versionId, createdAt, new TrainingDataSummary(data.Source, data.Rows.Count, labelCounts), labelSets, report);
    }

    /// <summary>Once per data set, in batches (the encoder is ~100× slower than the linear models; triage.md §3).</summary>
    private static float[][] EmbedAll(LabelledDataset data, Embeddings.ISentenceEmbedder embedder, CancellationToken cancellationToken)
    {
        const int batch = 32;
        var vectors = new float[data.Rows.Count][];
        for (var start = 0; start < data.Rows.Count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var texts = data.Rows.Skip(start).Take(batch).Select(r => r.Text).ToArray();
            var encoded = embedder.Embed(texts, cancellationToken);
            for (var i = 0; i < encoded.Length; i++)
            {
                vectors[start + i] = encoded[i].Length == embedder.Dimension
                    ? encoded[i]
                    : throw new InvalidOperationException($"embedder {embedder.Id} returned {encoded[i].Length} values, expected {embedder.Dimension}");
            }
        }
        return vectors;
    }

    private (List<TrainingInput> Rows, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Dropped) UsableRows(LabelledDataset data, int column, float[][]? embeddings)
    {
        var labelled = data.LabelledIndices(column)
            .Select(i => new TrainingInput { Text = data.Rows[i].Text, Label = data.Rows[i].Labels[column], Embedding = embeddings?[i] ?? [] })
            .ToList();
        var counts = labelled.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = labelled.Where(r => counts[r.Label] >= _options.MinimumRowsPerLabel).ToList();
        var kept = counts.Where(c => c.Value >= _options.MinimumRowsPerLabel).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (kept.Count < 2)
        {
            throw new InvalidOperationException(
                $"label column '{data.LabelColumns[column]}' needs at least 2 labels with ≥ {_options.MinimumRowsPerLabel} rows; has {kept.Count}");
        }
        var dropped = counts.Keys.Where(l => !kept.ContainsKey(l)).Order(StringComparer.Ordinal).ToArray();
        return (rows, kept, dropped);
    }

    private TrainedLabelSet TrainLabelSet(string name, List<TrainingInput> rows, IReadOnlyList<string> droppedLabels, IProgress<CandidateResult>? progress, CancellationToken cancellationToken)
    {
        var selectionWatch = Stopwatch.StartNew();
        var ml = new MLContext(_options.Seed);
        var (trainIdx, validIdx) = StratifiedSplit.Split(
            Enumerable.Range(0, rows.Count).ToList(), i => rows[i].Label, _options.ValidationFraction, _options.Seed);
        var trainRows = trainIdx.Select(i => rows[i]).ToList();
        var validRows = validIdx.Select(i => rows[i]).ToList();
        var dimension = _options.Embedder?.Dimension;
        var trainView = Embeddings.EmbeddingSchema.Load(ml, trainRows, dimension);
        var validView = Embeddings.EmbeddingSchema.Load(ml, validRows, dimension);

        var labelMap = LabelMapping(ml).Fit(trainView);
        var keyedTrain = labelMap.Transform(trainView);
        var keyedValid = labelMap.Transform(validView);
        var labels = ScoredRows.LabelNames(keyedTrain.Schema["Label"]);

        var specs = CandidateCatalog.Expand(_options, labels.Length);
        var featurized = new Dictionary<FeatureSet, (ITransformer Featurizer, IDataView Train, IDataView Valid)>();
        var featurizeSeconds = 0.0;
        var results = new List<CandidateResult>();
        Fitted? best = null;
        Fitted? bestNgram = null; // the best candidate that needs no embedding: it answers at intake
        var blendable = new List<Fitted>(); // embedding-only candidates, blended with bestNgram once it is known

        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var skipReason = spec.SkipReason;
            if (skipReason is null && best is not null && _options.SelectionBudget is { } budget && selectionWatch.Elapsed > budget)
            {
                skipReason = string.Create(CultureInfo.InvariantCulture, $"skipped: selection budget {budget.TotalSeconds:F0} s used up");
            }
            if (skipReason is not null)
            {
                results.Add(new CandidateResult(spec.Name, double.NaN, double.NaN, double.NaN, 0, skipReason));
                progress?.Report(results[^1]);
                continue;
            }
            if (!featurized.TryGetValue(spec.Features, out var features))
            {
                var watch = Stopwatch.StartNew();
                var featurizer = TextFeaturizer.Create(ml, spec.Features, _options).Fit(keyedTrain);
                // Cache: every candidate on these features re-reads them many times (L-BFGS, SDCA, perceptron epochs).
                var cachedTrain = Materialize(ml.Data.Cache(featurizer.Transform(keyedTrain)));
                features = (featurizer, cachedTrain, Materialize(ml.Data.Cache(featurizer.Transform(keyedValid))));
                featurized[spec.Features] = features;
                featurizeSeconds += watch.Elapsed.TotalSeconds;
            }
            try
            {
                var watch = Stopwatch.StartNew();
                var model = spec.CreateTrainer(ml).Fit(features.Train);
                var seconds = watch.Elapsed.TotalSeconds;
                var (actual, probabilities) = ScoredRows.Read(model.Transform(features.Valid));
                var metrics = Evaluate(labels, actual, probabilities);
                var result = new CandidateResult(spec.Name, metrics.Accuracy, metrics.MacroF1, metrics.LogLoss, seconds);
                results.Add(result);
                progress?.Report(result);
                var fitted = new Fitted(spec, result, model, actual, probabilities);
                if (spec.Features == FeatureSet.Embedding)
                {
                    blendable.Add(fitted); // competes once blended with the intake model, below
                    continue;
                }
                if (best is null || IsBetter(result, best.Result, TieTolerance(validRows.Count)))
                {
                    best = fitted;
                }
                if (!NeedsEmbedding(spec) && (bestNgram is null || IsBetter(result, bestNgram.Result, TieTolerance(validRows.Count))))
                {
                    bestNgram = fitted;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or DllNotFoundException)
            {
                // A trainer that cannot run here (e.g. a native library missing) must not sink the others.
                results.Add(new CandidateResult(spec.Name, double.NaN, double.NaN, double.NaN, 0, $"failed: {ex.GetType().Name}: {ex.Message}"));
                progress?.Report(results[^1]);
            }
        }
        if (best is null || bestNgram is null)
        {
            throw new InvalidOperationException($"no n-gram candidate could be trained for '{name}': " +
                string.Join("; ", results.Select(r => $"{r.Candidate}: {r.Skipped}")));
        }

        foreach (var embeddingOnly in blendable)
        {
            var blend = Blend(labels, bestNgram, embeddingOnly);
            results.Add(blend.Result);
            progress?.Report(blend.Result);
            if (IsBetter(blend.Result, best.Result, TieTolerance(validRows.Count)))
            {
                best = blend;
            }
        }

        var intake = bestNgram;
        var refinement = NeedsEmbedding(best.Spec) ? best : null;
        var intakeValidation = ValidationPredictions(labels, intake);
        var refinedValidation = refinement is null ? null : ValidationPredictions(labels, refinement);
        var reason = Explain(best.Result, results);
        if (refinement is not null)
        {
            reason += string.Create(CultureInfo.InvariantCulture,
                $"; it needs the sentence embedding, so {intake.Spec.Name} (validation macro-F1 {intake.Result.MacroF1:F4}) answers at intake and the winner refines right after");
        }

        var finalWatch = Stopwatch.StartNew();
        var (intakeModel, finalLabels) = FinalFit(ml, rows, labels, intake, featurized, dimension: null);
        (ITransformer Model, string[] Labels)? refined = refinement is null ? null : FinalFit(ml, rows, labels, refinement, featurized, dimension);
        var finalFitSeconds = finalWatch.Elapsed.TotalSeconds;

        var (outOfFold, outOfScope) = CalibrateOutOfScope(rows, trainIdx, validIdx, intake, refinement, refinedValidation ?? intakeValidation, cancellationToken);
        var report = new LabelSetReport(name, rows.Count, validRows.Count, finalLabels, results, best.Spec.Name, reason,
            Evaluate(labels, best.Actual, best.Probabilities), featurizeSeconds, finalFitSeconds, droppedLabels,
            refinement is null ? null : intake.Spec.Name, refinement is null ? null : Evaluate(labels, intake.Actual, intake.Probabilities),
            outOfScope);
        var thresholds = ThresholdAdvisor.Advise(intakeValidation, _options.AutoApplyTargetPrecision, _options.SuggestTargetPrecision);
        var pipeline = $"{TextFeaturizer.Describe(intake.Spec.Features, _options)} → {intake.Spec.Name}";
        TrainedRefinement? trainedRefinement = null;
        if (refinement is not null && refinedValidation is not null && refined is { } r && _options.Embedder is { } embedder)
        {
            var refinedPipeline = $"{TextFeaturizer.Describe(refinement.Spec.Features, _options)} → {refinement.MemberName ?? refinement.Spec.Name}";
            if (refinement.IntakeWeight > 0)
            {
                refinedPipeline = string.Create(CultureInfo.InvariantCulture,
                    $"{refinement.IntakeWeight:0.##} × intake ({pipeline}) + {1 - refinement.IntakeWeight:0.##} × ({refinedPipeline})");
            }
            trainedRefinement = new TrainedRefinement(embedder.Id, embedder.Dimension, r.Model, InputSchema(ml, embedder.Dimension), r.Labels,
                refinedPipeline,
                ThresholdAdvisor.Advise(refinedValidation, _options.AutoApplyTargetPrecision, _options.SuggestTargetPrecision),
                Evaluate(labels, refinement.Actual, refinement.Probabilities), refinedValidation, refinement.IntakeWeight);
        }
        return new TrainedLabelSet(name, intakeModel, InputSchema(ml, null), finalLabels, pipeline, thresholds, report, intakeValidation,
            trainedRefinement, outOfFold);
    }

    /// <summary>
    /// With <see cref="TrainingOptions.OutOfScope"/> and its label among the rows: scores every row out of fold with the
    /// final configuration (the refined answer when there is a refinement, else the intake model) and chooses the lowest
    /// threshold whose out-of-fold recall reaches target + margin.
    /// </summary>
    private (IReadOnlyList<ValidationPrediction>? OutOfFold, OutOfScopeCalibration? Calibration) CalibrateOutOfScope(
        List<TrainingInput> rows, IReadOnlyList<int> trainIdx, IReadOnlyList<int> validIdx, Fitted intake, Fitted? refinement,
        IReadOnlyList<ValidationPrediction> finalValidation, CancellationToken cancellationToken)
    {
        if (_options.OutOfScope is not { } oos || !rows.Any(r => r.Label == oos.Label))
        {
            return (null, null);
        }
        var watch = Stopwatch.StartNew();
        var folds = new List<IReadOnlyList<int>> { validIdx };
        folds.AddRange(StratifiedFolds.Split(trainIdx, i => rows[i].Label, oos.Folds - 1, _options.Seed));
        var members = refinement is null
            ? [new OutOfFoldScorer.Member(intake.Spec, 1)]
            : refinement.IntakeWeight > 0
                ? new List<OutOfFoldScorer.Member> { new(intake.Spec, refinement.IntakeWeight), new(refinement.Spec, 1 - refinement.IntakeWeight) }
                : [new OutOfFoldScorer.Member(refinement.Spec, 1)];
        var outOfFold = OutOfFoldScorer.Score(rows, folds, finalValidation, members, _options, cancellationToken);
        var oosRows = rows.Count(r => r.Label == oos.Label);
        var required = OutOfScopeRule.RequiredRecall(oos.TargetRecall, oos.MarginStandardErrors, oosRows);
        var threshold = OutOfScopeRule.LowestThresholdForRecall(outOfFold, oos.Label, required);
        var (inScope, recall) = OutOfScopeRule.Score(outOfFold, oos.Label, threshold);
        return (outOfFold, new OutOfScopeCalibration(oos.Label, oos.Folds, oosRows, oos.TargetRecall, oos.MarginStandardErrors,
            required, threshold, recall, inScope, watch.Elapsed.TotalSeconds));
    }

    /// <param name="IntakeWeight">For a blend: weight of the intake model's probabilities (the rest is this model's).</param>
    /// <param name="MemberName">For a blend: the embedding-only candidate blended with the intake model.</param>
    private sealed record Fitted(CandidateSpec Spec, CandidateResult Result, ITransformer Model, List<int> Actual, List<double[]> Probabilities,
        double IntakeWeight = 0, string? MemberName = null);

    internal static bool NeedsEmbedding(CandidateSpec spec) => spec.Features is FeatureSet.WordCharTfIdfAndEmbedding or FeatureSet.Embedding;

    /// <summary>
    /// Averages the intake model's validation probabilities with an embedding-only model's, for each weight of
    /// <see cref="TrainingOptions.BlendWeights"/>, and keeps the best weight by the selection rule. Both models saw the
    /// same training rows, so their label order is the same.
    /// </summary>
    private Fitted Blend(string[] labels, Fitted intake, Fitted embeddingOnly)
    {
        Fitted? best = null;
        foreach (var weight in _options.BlendWeights.Where(w => w is >= 0 and < 1).Distinct())
        {
            var probabilities = embeddingOnly.Probabilities
                .Select((p, r) => p.Select((v, c) => weight * intake.Probabilities[r][c] + (1 - weight) * v).ToArray())
                .ToList();
            var metrics = Evaluate(labels, embeddingOnly.Actual, probabilities);
            var name = string.Create(CultureInfo.InvariantCulture, $"Blend({weight:0.##} × {intake.Spec.Name} + {1 - weight:0.##} × {embeddingOnly.Spec.Name})");
            var result = new CandidateResult(name, metrics.Accuracy, metrics.MacroF1, metrics.LogLoss, embeddingOnly.Result.TrainSeconds);
            if (best is null || IsBetter(result, best.Result, TieTolerance(embeddingOnly.Actual.Count)))
            {
                best = embeddingOnly with
                {
                    Spec = embeddingOnly.Spec with { Name = name }, Result = result, Probabilities = probabilities, IntakeWeight = weight,
                    MemberName = embeddingOnly.Spec.Name,
                };
            }
        }
        return best ?? throw new InvalidOperationException("TrainingOptions.BlendWeights needs at least one weight in [0, 1)");
    }

    private static DataViewSchema InputSchema(MLContext ml, int? dimension) =>
        Embeddings.EmbeddingSchema.Load(ml, Array.Empty<Runtime.ClassifierInput>(), dimension).Schema;

    private static List<ValidationPrediction> ValidationPredictions(string[] labels, Fitted fitted) =>
        fitted.Actual
            .Select((a, r) => (Actual: a, Probabilities: fitted.Probabilities[r]))
            .Select(x =>
            {
                var top = Runtime.ProbabilityNormalizer.ArgMax(x.Probabilities);
                return new ValidationPrediction(labels[x.Actual], labels[top], x.Probabilities[top]);
            })
            .ToList();

    /// <summary>Refits a selected candidate on all rows (train + validation), or keeps its selection fit when refitting is off.</summary>
    private (ITransformer Model, string[] Labels) FinalFit(MLContext ml, List<TrainingInput> rows, string[] labels, Fitted fitted,
        Dictionary<FeatureSet, (ITransformer Featurizer, IDataView Train, IDataView Valid)> featurized, int? dimension)
    {
        if (!_options.RefitOnAllRows)
        {
            return (new TransformerChain<ITransformer>(featurized[fitted.Spec.Features].Featurizer, fitted.Model), labels);
        }
        var allView = Embeddings.EmbeddingSchema.Load(ml, rows, dimension);
        var allKeyed = LabelMapping(ml).Fit(allView).Transform(allView);
        var featurizer = TextFeaturizer.Create(ml, fitted.Spec.Features, _options).Fit(allKeyed);
        var predictor = fitted.Spec.CreateTrainer(ml).Fit(ml.Data.Cache(featurizer.Transform(allKeyed)));
        return (new TransformerChain<ITransformer>(featurizer, predictor), ScoredRows.LabelNames(allKeyed.Schema["Label"]));
    }

    /// <summary>Fills a lazy cache now, so featurisation time is not billed to the first candidate that reads it.</summary>
    private static IDataView Materialize(IDataView cached)
    {
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext())
        {
        }
        return cached;
    }

    /// <summary>ByValue ordering makes label order (and so score order) independent of row order.</summary>
    internal static ValueToKeyMappingEstimator LabelMapping(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);

    private static ModelMetrics Evaluate(IReadOnlyList<string> labels, List<int> actual, List<double[]> probabilities)
    {
        var predicted = probabilities.Select(p => Runtime.ProbabilityNormalizer.ArgMax(p)).ToList();
        var probabilityOfActual = actual.Select((a, r) => probabilities[r][a]).ToList();
        return MetricsCalculator.Compute(labels, actual, predicted, probabilityOfActual);
    }

    /// <summary>
    /// Macro-F1 first (classes matter equally). Differences smaller than the tie tolerance are noise of the validation
    /// split; then the lower log-loss wins, because better probabilities make better thresholds.
    /// </summary>
    private static bool IsBetter(CandidateResult candidate, CandidateResult incumbent, double tieTolerance)
    {
        if (Math.Abs(candidate.MacroF1 - incumbent.MacroF1) > tieTolerance)
        {
            return candidate.MacroF1 > incumbent.MacroF1;
        }
        return candidate.LogLoss < incumbent.LogLoss;
    }

    /// <summary>Half a validation row's worth of accuracy: below that two candidates are indistinguishable.</summary>
    private static double TieTolerance(int validationRows) => 0.5 / Math.Max(1, validationRows);

    private static string Explain(CandidateResult winner, IReadOnlyList<CandidateResult> results)
    {
        var runnerUp = results
            .Where(r => r.Skipped is null && !ReferenceEquals(r, winner))
            .OrderByDescending(r => r.MacroF1)
            .FirstOrDefault();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{winner.Candidate} wins with validation macro-F1 {winner.MacroF1:F4} (accuracy {winner.Accuracy:F4}, log-loss {winner.LogLoss:F3}, trained in {winner.TrainSeconds:F1} s; rule: highest macro-F1, ties within half a validation row go to the lower log-loss)");
        if (runnerUp is not null)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"; runner-up {runnerUp.Candidate} macro-F1 {runnerUp.MacroF1:F4} (accuracy {runnerUp.Accuracy:F4}, {runnerUp.TrainSeconds:F1} s)");
        }
        var skipped = results.Count(r => r.Skipped is not null);
        if (skipped > 0)
        {
            text += $"; {skipped} candidate(s) skipped or failed (see candidates)";
        }
        return text;
    }
}
