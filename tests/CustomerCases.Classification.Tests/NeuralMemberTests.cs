using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

/// <summary>
/// The neural network on the sentence vector: it learns what a linear model cannot, selection mixes it into the
/// refinement only when validation says so, and the package carries it.
/// </summary>
public sealed class NeuralMemberTests
{
    private static readonly MlpOptions SmallNetwork = new() { Hidden = 32, Epochs = 60, LearningRate = 0.01, Dropout = 0, BatchSize = 16 };

    [Fact]
    public void Network_learns_a_pattern_no_linear_model_can_and_is_reproducible_and_survives_a_round_trip()
    {
        var (vectors, labels) = Quadrants(rows: 400, seed: 1);
        var (fresh, freshLabels) = Quadrants(rows: 200, seed: 2);

        var network = MlpTrainer.Train(vectors, labels, ["same-sign", "opposite-sign"], SmallNetwork);

        var accuracy = fresh.Select((v, i) => ArgMax(network.Probabilities(v)) == freshLabels[i] ? 1.0 : 0).Average();
        Assert.True(accuracy > 0.95, $"accuracy on fresh points {accuracy}"); // a linear model stays near 0.5 on this
        Assert.All(fresh, v => Assert.Equal(1.0, network.Probabilities(v).Sum(), 6));

        var again = MlpTrainer.Train(vectors, labels, ["same-sign", "opposite-sign"], SmallNetwork);
        Assert.Equal(network.Probabilities(fresh[0]), again.Probabilities(fresh[0]));

        using var file = new MemoryStream();
        network.Save(file);
        file.Position = 0;
        var loaded = MlpModel.Load(file);
        Assert.Equal(network.Labels, loaded.Labels);
        Assert.All(fresh.Take(20), v => Assert.Equal(network.Probabilities(v), loaded.Probabilities(v)));
    }

    [Fact]
    public void Network_refuses_vectors_of_another_size_and_files_that_are_not_its_own()
    {
        var (vectors, labels) = Quadrants(rows: 40, seed: 1);
        var network = MlpTrainer.Train(vectors, labels, ["same-sign", "opposite-sign"], SmallNetwork with { Epochs = 1 });

        Assert.Throws<ArgumentException>(() => network.Probabilities(new float[3]));
        Assert.Throws<InvalidDataException>(() => MlpModel.Load(new MemoryStream("not a model at all"u8.ToArray())));
        Assert.Throws<ArgumentException>(() => MlpTrainer.Train(vectors, labels, ["only-one"], SmallNetwork));
    }

    [Fact]
    public void Selection_mixes_the_network_into_the_refinement_when_it_wins_and_the_package_keeps_it()
    {
        var (data, embedder) = MeaningInQuadrants(rowsPerLabel: 150, seed: 1);
        var options = new TrainingOptions
        {
            Candidates = [TriageTrainerKind.LbfgsMaximumEntropy],
            LbfgsL2Grid = [0.01],
            Embedder = embedder,
            EmbeddingMlp = SmallNetwork,
            MlpWeights = [0, 0.5],
            MaxThreads = 1,
        };

        var trained = new TriageTrainer(options).Train(data);

        var refinement = trained.LabelSets[0].Refinement;
        Assert.NotNull(refinement);
        Assert.NotNull(refinement!.Mlp);
        Assert.Equal(0.5, refinement.MlpWeight);
        Assert.Contains("0.5 × MLP(", refinement.Pipeline, StringComparison.Ordinal);
        Assert.Contains(trained.LabelSets[0].Report.Candidates, c => c.Candidate.EndsWith("0.5 × MLP(32)", StringComparison.Ordinal));

        // The refined answer is (1 − w) × the ML.NET blend + w × the network, on the same vector.
        var (unseen, _) = MeaningInQuadrants(rowsPerLabel: 20, seed: 7, embedder);
        var text = unseen.Rows[0].Text;
        var vector = embedder.Embed([text])[0];
        var mixed = LoadedModel.FromTrained(trained, embedder).LabelSets[0].Refinement!;
        var withoutNetwork = LoadedModel.FromTrained(trained with
        {
            LabelSets = [trained.LabelSets[0] with { Refinement = refinement with { Mlp = null, MlpWeight = 0 } }],
        }, embedder).LabelSets[0].Refinement!;
        var blend = withoutNetwork.PredictProbabilities(text, vector);
        var network = refinement.Mlp!.Probabilities(vector);
        var actual = mixed.PredictProbabilities(text, vector);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(0.5 * blend[i] + 0.5 * network[refinement.Mlp.Labels.ToList().IndexOf(mixed.Labels[i])], actual[i], 12);
        }
        Assert.True(ModelEvaluator.Evaluate(LoadedModel.FromTrained(trained, embedder), unseen, "category").Accuracy > 0.9);

        using var package = new MemoryStream();
        ModelPackage.Save(trained, package);
        package.Position = 0;
        var loaded = ModelPackage.Load(package, embedder);
        Assert.Equal(2, loaded.Manifest.FormatVersion);
        Assert.NotNull(loaded.Manifest.LabelSets[0].Refinement!.MlpFile);
        Assert.Equal(actual, loaded.LabelSets[0].Refinement!.PredictProbabilities(text, vector));
    }

    [Fact]
    public void Without_a_network_packages_stay_in_format_1_which_older_code_reads()
    {
        var (data, embedder) = MeaningInQuadrants(rowsPerLabel: 30, seed: 1);
        var trained = new TriageTrainer(new TrainingOptions
        {
            Candidates = [TriageTrainerKind.LbfgsMaximumEntropy], LbfgsL2Grid = [0.01], Embedder = embedder, EmbeddingMlp = null, MaxThreads = 1,
        }).Train(data);

        Assert.Null(trained.LabelSets[0].Refinement?.Mlp);
        Assert.Equal(1, ModelManifest.From(trained).FormatVersion);
    }

    [Fact]
    public void Service_configuration_turns_the_network_on_by_default_and_off_when_asked()
    {
        Assert.NotNull(new ClassificationOptions().ToTrainingOptions().EmbeddingMlp);
        Assert.Null(new ClassificationOptions { RetrainNeuralNetwork = false }.ToTrainingOptions().EmbeddingMlp);
    }

    /// <summary>Points in the four quadrants; the label is whether both coordinates share a sign (XOR: not linearly separable).</summary>
    private static (List<float[]> Vectors, List<int> Labels) Quadrants(int rows, int seed)
    {
        var random = new Random(seed);
        var vectors = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < rows; i++)
        {
            var x = (float)(random.NextDouble() * 2 - 1);
            var y = (float)(random.NextDouble() * 2 - 1);
            if (Math.Abs(x) < 0.1 || Math.Abs(y) < 0.1)
            {
                i--;
                continue; // keep a margin around the axes
            }
            vectors.Add([x, y, 0.5f, -0.5f]);
            labels.Add(x * y > 0 ? 0 : 1);
        }
        return (vectors, labels);
    }

    /// <summary>Made-up words (n-grams cannot generalise) whose vectors put the label in the quadrant pattern.</summary>
    private static (LabelledDataset Data, TableEmbedder Embedder) MeaningInQuadrants(int rowsPerLabel, int seed, TableEmbedder? embedder = null)
    {
        var (vectors, labels) = Quadrants(rowsPerLabel * 2, seed);
        var random = new Random(seed + 1000);
        var table = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var rows = new List<(string, string)>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var word = new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))).ToArray());
            table[word] = vectors[i];
            rows.Add(($"question about {word} please", labels[i] == 0 ? "same-sign" : "opposite-sign"));
        }
        embedder ??= new TableEmbedder();
        embedder.Learn(table);
        return (LabelledDataset.FromPairs(rows, "category", "quadrants"), embedder);
    }

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private sealed class TableEmbedder : ISentenceEmbedder
    {
        private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

        public string Id => "table-test-encoder";

        public int Dimension => 4;

        public void Learn(Dictionary<string, float[]> more)
        {
            foreach (var (word, vector) in more)
            {
                _vectors[word] = vector;
            }
        }

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(text => text.Split(' ').Select(w => _vectors.GetValueOrDefault(w)).FirstOrDefault(v => v is not null) ?? new float[Dimension]).ToArray();
    }
}
