using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace CustomerCases.Classification.Training;

/// <summary>
/// Expands the requested trainer kinds into concrete candidates with the hyper-parameters measured in triage.md §3
/// (ML.NET defaults lose 2.5–10 points on text and are never used as such).
/// </summary>
internal static class CandidateCatalog
{
    private const string Label = "Label";
    private const string Features = TextFeaturizer.FeaturesColumn;

    public static IReadOnlyList<CandidateSpec> Expand(TrainingOptions options, int classCount)
    {
        var ngrams = new List<CandidateSpec>();
        var firstKindCount = 0;
        foreach (var kind in options.Candidates.Distinct())
        {
            AddKind(ngrams, kind, FeatureSet.WordCharTfIdf, options, classCount);
            firstKindCount = firstKindCount == 0 ? ngrams.Count : firstKindCount;
        }
        if (options.Embedder is not { } embedder)
        {
            return ngrams;
        }
        // The embedding alone, to be blended with the intake model (the trainer picks the weight on validation):
        // cheaper than the concatenation (384 dense columns instead of ~100k sparse ones) and as accurate (README).
        var blend = new List<CandidateSpec>();
        foreach (var kind in options.EmbeddingBlendCandidates.Distinct().Where(IsLinear))
        {
            AddKind(blend, kind, FeatureSet.Embedding, options, classCount);
        }
        // The same linear trainers on n-grams + sentence vector; trees are left out (dense 384 columns × one
        // ensemble per class would not fit the time budget, and trees lost 6–11 points on text already).
        var concatenated = new List<CandidateSpec>();
        foreach (var kind in options.EmbeddingCandidates.Distinct().Where(IsLinear))
        {
            AddKind(concatenated, kind, FeatureSet.WordCharTfIdfAndEmbedding, options, classCount);
        }
        // Order under a selection budget: the first (best-measured) n-gram kind, then the blend members (the strongest
        // and cheap), then the other n-gram kinds, the slow concatenations last.
        return ngrams.Take(firstKindCount)
            .Concat(blend.Select(s => s with { Name = $"{s.Name} on {embedder.Id}" }))
            .Concat(ngrams.Skip(firstKindCount))
            .Concat(concatenated.Select(s => s with { Name = $"{s.Name} on n-grams + {embedder.Id}" }))
            .ToList();
    }

    private static bool IsLinear(TriageTrainerKind kind) =>
        kind is TriageTrainerKind.LbfgsMaximumEntropy or TriageTrainerKind.OneVersusAllAveragedPerceptron
            or TriageTrainerKind.OneVersusAllLinearSvm or TriageTrainerKind.SdcaMaximumEntropy;

    private static void AddKind(List<CandidateSpec> specs, TriageTrainerKind kind, FeatureSet linear, TrainingOptions options, int classCount)
    {
        var threads = options.MaxThreads;
        switch (kind)
        {
            case TriageTrainerKind.LbfgsMaximumEntropy:
                foreach (var l2 in options.LbfgsL2Grid.Distinct())
                {
                    var l2f = (float)l2;
                    specs.Add(new(
                        $"LbfgsMaximumEntropy(L1=0, L2={l2.ToString(CultureInfo.InvariantCulture)})",
                        kind,
                        linear,
                        ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                        {
                            LabelColumnName = Label,
                            FeatureColumnName = Features,
                            L1Regularization = 0,
                            L2Regularization = l2f,
                            NumberOfThreads = threads,
                        })));
                }
                break;
            case TriageTrainerKind.OneVersusAllAveragedPerceptron:
                specs.Add(new(
                    "OneVersusAll(AveragedPerceptron, 10 iterations)",
                    kind,
                    linear,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                        ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                        {
                            LabelColumnName = Label,
                            FeatureColumnName = Features,
                            NumberOfIterations = 10,
                        }),
                        Label,
                        useProbabilities: true)));
                break;
            case TriageTrainerKind.OneVersusAllLinearSvm:
                specs.Add(new(
                    "OneVersusAll(LinearSvm, lambda=1e-4, 20 iterations)",
                    kind,
                    linear,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                        ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                        {
                            LabelColumnName = Label,
                            FeatureColumnName = Features,
                            Lambda = 1e-4f,
                            NumberOfIterations = 20,
                        }),
                        Label,
                        useProbabilities: true)));
                break;
            case TriageTrainerKind.SdcaMaximumEntropy:
                specs.Add(new(
                    "SdcaMaximumEntropy(L2=1e-5)",
                    kind,
                    linear,
                    ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                    {
                        LabelColumnName = Label,
                        FeatureColumnName = Features,
                        L2Regularization = 1e-5f,
                        NumberOfThreads = threads,
                    })));
                break;
            case TriageTrainerKind.LightGbm:
                specs.Add(new(
                    "LightGbm(100 iterations, 31 leaves, min 5 per leaf)",
                    kind,
                    FeatureSet.FrequentWordTfIdf,
                    ml => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                    {
                        LabelColumnName = Label,
                        FeatureColumnName = Features,
                        NumberOfIterations = 100,
                        NumberOfLeaves = 31,
                        MinimumExampleCountPerLeaf = 5,
                        // LightGBM's OpenMP threads spin while waiting: on a shared, oversubscribed machine
                        // (load 10–19 on 2 cores) it took 679 s instead of ~31 s. One thread unless told otherwise.
                        NumberOfThreads = threads ?? 1,
                        Seed = options.Seed,
                    })));
                break;
            case TriageTrainerKind.FastTree:
                specs.Add(new(
                    "OneVersusAll(FastTree, 100 trees, 20 leaves)",
                    kind,
                    FeatureSet.FrequentWordTfIdf,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                        {
                            LabelColumnName = Label,
                            FeatureColumnName = Features,
                            NumberOfTrees = 100,
                            NumberOfLeaves = 20,
                            // As for LightGBM: spinning worker threads on a loaded machine (409 s for 11 classes measured).
                            NumberOfThreads = threads ?? 1,
                        }),
                        Label,
                        useProbabilities: true),
                    TooManyClassesForTrees(options, classCount)));
                break;
            case TriageTrainerKind.FastForest:
                specs.Add(new(
                    "OneVersusAll(FastForest, 100 trees, 20 leaves)",
                    kind,
                    FeatureSet.FrequentWordTfIdf,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(
                        ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                        {
                            LabelColumnName = Label,
                            FeatureColumnName = Features,
                            NumberOfTrees = 100,
                            NumberOfLeaves = 20,
                            // As for LightGBM: spinning worker threads on a loaded machine (409 s for 11 classes measured).
                            NumberOfThreads = threads ?? 1,
                        }),
                        Label,
                        useProbabilities: true),
                    TooManyClassesForTrees(options, classCount)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), kind, "unknown trainer kind");
        }
    }

    private static string? TooManyClassesForTrees(TrainingOptions options, int classCount) =>
        classCount > options.MaxClassesForOneVersusAllTrees
            ? $"skipped: {classCount} classes > {options.MaxClassesForOneVersusAllTrees}; one-versus-all trees fit one ensemble per class " +
              "(about 4 minutes for 77 classes on 2 cores, triage.md §3), over the selection time budget"
            : null;
}
