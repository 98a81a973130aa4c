using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

/// <summary>
/// The embedding refinement: selection keeps an n-gram model for intake when an embedding candidate wins, the package
/// stores both, and without the embedder the model falls back to its n-gram stage.
/// </summary>
public sealed class RefinementTests
{
    private static readonly string[] Labels = ["billing", "delivery", "access"];

    [Fact]
    public void Embedding_winner_gets_a_refinement_and_the_best_ngram_candidate_answers_at_intake()
    {
        var (data, embedder) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 30);

        var trained = new TriageTrainer(Options(embedder)).Train(data);

        var set = trained.LabelSets[0];
        Assert.NotNull(set.Refinement);
        Assert.Equal(embedder.Id, set.Refinement!.EmbedderId);
        Assert.Contains(embedder.Id, set.Report.Winner, StringComparison.Ordinal);
        Assert.DoesNotContain(embedder.Id, set.Report.IntakeCandidate!, StringComparison.Ordinal);
        Assert.DoesNotContain(embedder.Id, set.Pipeline, StringComparison.Ordinal);
        Assert.True(set.Refinement.ValidationMetrics.Accuracy > set.Report.IntakeValidationMetrics!.Accuracy + 0.3,
            $"refinement {set.Refinement.ValidationMetrics.Accuracy} vs intake {set.Report.IntakeValidationMetrics.Accuracy}");
        Assert.True(trained.Report.EmbedSeconds > 0);

        var (unseen, _) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 10, seed: 99, embedder);
        var model = LoadedModel.FromTrained(trained, embedder);
        Assert.True(model.CanRefine);
        Assert.True(ModelEvaluator.Evaluate(model, unseen, "category").Accuracy > 0.95);
        Assert.True(ModelEvaluator.Evaluate(model, unseen, "category", intakeOnly: true).Accuracy < 0.7);

        var classifier = new CaseClassifier(new ModelHolder(model));
        var refined = classifier.Refine(unseen.Rows.Select(r => r.Text).ToList());
        Assert.Equal(unseen.Rows.Select(r => r.Labels[0]), refined.Select(c => c.Predictions.Single().Label));
        Assert.All(refined, c => Assert.Equal(trained.VersionId, c.ModelVersion));
    }

    [Fact]
    public void Package_keeps_the_refinement_and_loads_it_only_with_the_same_embedder()
    {
        var (data, embedder) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 20);
        var trained = new TriageTrainer(Options(embedder)).Train(data);
        using var package = new MemoryStream();
        ModelPackage.Save(trained, package);
        const string probe = "please look at zzqxy for me";
        var vector = embedder.Embed([probe])[0];

        package.Position = 0;
        var withEmbedder = ModelPackage.Load(package, embedder);
        package.Position = 0;
        var without = ModelPackage.Load(package);
        package.Position = 0;
        var otherEmbedder = ModelPackage.Load(package, new DictionaryEmbedder(new Dictionary<string, int>(), id: "another-encoder"));

        var original = LoadedModel.FromTrained(trained, embedder);
        Assert.Equal(original.LabelSets[0].Refinement!.PredictProbabilities(probe, vector),
            withEmbedder.LabelSets[0].Refinement!.PredictProbabilities(probe, vector));
        Assert.NotNull(withEmbedder.Manifest.LabelSets[0].Refinement);
        Assert.False(without.CanRefine);
        Assert.Null(without.LabelSets[0].Refinement);
        Assert.False(otherEmbedder.CanRefine);
        // Fallback: the n-gram stage still answers, exactly as in the original model.
        Assert.Equal(original.LabelSets[0].PredictProbabilities(probe), without.LabelSets[0].PredictProbabilities(probe));
        Assert.Empty(new CaseClassifier(new ModelHolder(without)).Refine([probe]));
    }

    [Fact]
    public void Blended_refinement_averages_the_intake_model_and_the_embedding_model_with_the_chosen_weight()
    {
        var (data, embedder) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 20);
        var options = Options(embedder) with { EmbeddingCandidates = [], BlendWeights = [0.3] };

        var trained = new TriageTrainer(options).Train(data);

        var set = trained.LabelSets[0];
        Assert.NotNull(set.Refinement);
        Assert.Equal(0.3, set.Refinement!.IntakeWeight);
        Assert.StartsWith("Blend(0.3 × ", set.Report.Winner, StringComparison.Ordinal);
        Assert.StartsWith("0.3 × intake (", set.Refinement.Pipeline, StringComparison.Ordinal);
        const string probe = "please look at zzqxy for me";
        var vector = embedder.Embed([probe])[0];
        var blended = LoadedModel.FromTrained(trained, embedder).LabelSets[0];
        var embeddingAlone = LoadedModel.FromTrained(
            trained with { LabelSets = [set with { Refinement = set.Refinement with { IntakeWeight = 0 } }] }, embedder).LabelSets[0].Refinement!;
        var intake = blended.PredictProbabilities(probe);
        var alone = embeddingAlone.PredictProbabilities(probe, vector);
        var expected = alone.Select((p, i) => 0.3 * intake[i] + 0.7 * p).ToArray();
        var actual = blended.Refinement!.PredictProbabilities(probe, vector);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
        Assert.NotEqual(alone, actual); // the intake model really takes part

        using var package = new MemoryStream();
        ModelPackage.Save(trained, package);
        package.Position = 0;
        var loaded = ModelPackage.Load(package, embedder);
        Assert.Equal(0.3, loaded.Manifest.LabelSets[0].Refinement!.IntakeWeight);
        Assert.Equal(actual, loaded.LabelSets[0].Refinement!.PredictProbabilities(probe, vector));
    }

    [Fact]
    public void Under_a_selection_budget_the_blend_members_come_right_after_the_first_ngram_trainer()
    {
        var options = new TrainingOptions
        {
            Candidates = [TriageTrainerKind.OneVersusAllAveragedPerceptron, TriageTrainerKind.SdcaMaximumEntropy],
            EmbeddingCandidates = [TriageTrainerKind.OneVersusAllAveragedPerceptron],
            EmbeddingBlendCandidates = [TriageTrainerKind.LbfgsMaximumEntropy],
            LbfgsL2Grid = [0.1, 0.01],
            Embedder = new DictionaryEmbedder([]),
        };

        var specs = CandidateCatalog.Expand(options, classCount: 3);

        Assert.Equal(
            [FeatureSet.WordCharTfIdf, FeatureSet.Embedding, FeatureSet.Embedding, FeatureSet.WordCharTfIdf, FeatureSet.WordCharTfIdfAndEmbedding],
            specs.Select(s => s.Features));
        Assert.Equal("LbfgsMaximumEntropy(L1=0, L2=0.1) on dictionary-test-encoder", specs[1].Name);
        Assert.Equal(TriageTrainerKind.SdcaMaximumEntropy, specs[3].Kind);
        Assert.EndsWith("on n-grams + dictionary-test-encoder", specs[4].Name, StringComparison.Ordinal);
        Assert.DoesNotContain(specs, s => s.Features == FeatureSet.Embedding && s.Kind != TriageTrainerKind.LbfgsMaximumEntropy);
    }

    [Fact]
    public void Without_an_embedder_there_is_no_refinement()
    {
        var (data, _) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 10);

        var trained = new TriageTrainer(Options(null)).Train(data);

        Assert.Null(trained.LabelSets[0].Refinement);
        Assert.Null(trained.LabelSets[0].Report.IntakeCandidate);
        Assert.False(LoadedModel.FromTrained(trained).CanRefine);
    }

    [Fact]
    public void Out_of_fold_predictions_come_from_the_refined_configuration_not_the_intake_model()
    {
        var (data, embedder) = KnowledgeOnlyTheEmbedderHas(rowsPerLabel: 30);
        // "access" stands in for an out-of-scope label: it only asks training for the out-of-fold scoring.
        var options = Options(embedder) with { OutOfScope = new OutOfScopeOptions { Label = "access" } };

        var set = new TriageTrainer(options).Train(data).LabelSets[0];

        Assert.NotNull(set.Refinement);
        var outOfFold = set.OutOfFoldPredictions!;
        Assert.Equal(data.Rows.Count, outOfFold.Count);
        // Only the embedding knows the made-up words: the intake n-grams are at chance (see the first test).
        var accuracy = outOfFold.Count(p => p.Actual == p.Predicted) / (double)outOfFold.Count;
        Assert.True(accuracy > 0.95, $"out-of-fold accuracy {accuracy}");
        Assert.Equal(30, set.Report.OutOfScope!.OutOfScopeRows);
    }

    private static TrainingOptions Options(ISentenceEmbedder? embedder) => new()
    {
        Candidates = [TriageTrainerKind.LbfgsMaximumEntropy],
        LbfgsL2Grid = [0.01],
        EmbeddingCandidates = [TriageTrainerKind.LbfgsMaximumEntropy],
        Embedder = embedder,
        MaxThreads = 1,
    };

    /// <summary>
    /// Every row names a made-up word seen nowhere else, so n-grams cannot generalise; the fake embedder "knows" each
    /// word's meaning (as a real encoder knows synonyms), so the embedding candidate must win on validation.
    /// </summary>
    private static (LabelledDataset Data, DictionaryEmbedder Embedder) KnowledgeOnlyTheEmbedderHas(int rowsPerLabel, int seed = 1, DictionaryEmbedder? embedder = null)
    {
        var random = new Random(seed);
        var meaning = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(string, string)>();
        for (var i = 0; i < rowsPerLabel; i++)
        {
            for (var label = 0; label < Labels.Length; label++)
            {
                var word = new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray());
                meaning[word] = label;
                rows.Add(($"please look at {word} for me", Labels[label]));
            }
        }
        embedder?.Learn(meaning);
        return (LabelledDataset.FromPairs(rows, "category", "made-up words"), embedder ?? new DictionaryEmbedder(meaning));
    }

    private sealed class DictionaryEmbedder(Dictionary<string, int> meaning, string id = "dictionary-test-encoder") : ISentenceEmbedder
    {
        public string Id => id;

        public int Dimension => 4;

        public void Learn(Dictionary<string, int> more)
        {
            foreach (var (word, label) in more)
            {
                meaning[word] = label;
            }
        }

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(text =>
            {
                var vector = new float[Dimension];
                var known = text.Split(' ').Where(meaning.ContainsKey).Select(w => meaning[w]).ToList();
                vector[known.Count == 0 ? Dimension - 1 : known[0]] = 1;
                return vector;
            }).ToArray();
    }
}
