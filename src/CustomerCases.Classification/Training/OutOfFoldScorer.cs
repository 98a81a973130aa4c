using Microsoft.ML;

namespace CustomerCases.Classification.Training;

/// <summary>
/// Scores every row with the final configuration (same features, trainers, hyper-parameters and blend weight) fitted
/// without the row's fold, so thresholds can be chosen on predictions no model made about its own training rows.
/// Fold 0 is the selection's validation split, whose predictions selection already has; only the other folds are fitted.
/// </summary>
internal static class OutOfFoldScorer
{
    /// <summary>One member of the final configuration and the weight of its probabilities in the final answer.</summary>
    public sealed record Member(CandidateSpec Spec, double Weight);

    /// <param name="rows">All rows of the label set.</param>
    /// <param name="folds">Row indices per fold; together every row once. Fold 0 = the selection's validation split.</param>
    /// <param name="firstFold">The final configuration's selection predictions for the rows of fold 0, in that order.</param>
    /// <param name="members">The final configuration: one member, or a blend whose weights sum to 1.</param>
    /// <param name="options">Seed, thread cap, text features and the embedder's dimension.</param>
    /// <param name="cancellationToken">Checked between fits.</param>
    /// <param name="parallelFolds">Folds fitted at once; default: the thread cap of <paramref name="options"/>.</param>
    public static ValidationPrediction[] Score(
        IReadOnlyList<TrainingInput> rows,
        IReadOnlyList<IReadOnlyList<int>> folds,
        IReadOnlyList<ValidationPrediction> firstFold,
        IReadOnlyList<Member> members,
        TrainingOptions options,
        CancellationToken cancellationToken,
        int? parallelFolds = null)
    {
        if (firstFold.Count != folds[0].Count)
        {
            throw new ArgumentException("the first fold's predictions must match its rows", nameof(firstFold));
        }
        var predictions = new ValidationPrediction[rows.Count];
        for (var i = 0; i < firstFold.Count; i++)
        {
            predictions[folds[0][i]] = firstFold[i];
        }
        int? dimension = members.Any(m => TriageTrainer.NeedsEmbedding(m.Spec)) ? options.Embedder?.Dimension : null;
        // Folds are independent: as many at once as the thread cap allows (the cap is what leaves cores to intake).
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, parallelFolds ?? options.MaxThreads ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        Parallel.For(1, folds.Count, parallel, fold => ScoreFold(rows, folds[fold], members, options, dimension, options.Seed + fold, predictions, cancellationToken));
        return predictions;
    }

    private static void ScoreFold(IReadOnlyList<TrainingInput> rows, IReadOnlyList<int> held, IReadOnlyList<Member> members,
        TrainingOptions options, int? dimension, int seed, ValidationPrediction[] predictions, CancellationToken cancellationToken)
    {
        var heldOut = held.ToHashSet();
        var trainRows = Enumerable.Range(0, rows.Count).Where(i => !heldOut.Contains(i)).Select(i => rows[i]).ToList();
        var heldRows = held.Select(i => rows[i]).ToList();
        var ml = new MLContext(seed);
        var trainView = Embeddings.EmbeddingSchema.Load(ml, trainRows, dimension);
        var labelMap = TriageTrainer.LabelMapping(ml).Fit(trainView);
        var keyedTrain = labelMap.Transform(trainView);
        // A held-out label the fold never saw maps to a missing key: the row is scored all the same (and is wrong).
        var keyedHeld = labelMap.Transform(Embeddings.EmbeddingSchema.Load(ml, heldRows, dimension));
        var labels = ScoredRows.LabelNames(keyedTrain.Schema["Label"]);
        var mixed = heldRows.Select(_ => new double[labels.Length]).ToArray();
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var featurizer = TextFeaturizer.Create(ml, member.Spec.Features, options).Fit(keyedTrain);
            var model = member.Spec.CreateTrainer(ml).Fit(ml.Data.Cache(featurizer.Transform(keyedTrain)));
            var (_, probabilities) = ScoredRows.Read(model.Transform(featurizer.Transform(keyedHeld)));
            for (var r = 0; r < mixed.Length; r++)
            {
                for (var c = 0; c < labels.Length; c++)
                {
                    mixed[r][c] += member.Weight * probabilities[r][c];
                }
            }
        }
        for (var r = 0; r < mixed.Length; r++)
        {
            var top = Runtime.ProbabilityNormalizer.ArgMax(mixed[r]);
            predictions[held[r]] = new ValidationPrediction(heldRows[r].Label, labels[top], mixed[r][top]);
        }
    }
}
