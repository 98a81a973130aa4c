using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerCases.Classification.Runtime;

/// <summary>
/// Predicts one label set with a pooled PredictionEngine per concurrent caller (PredictionEngine is not thread-safe;
/// Microsoft.Extensions.ML's PredictionEnginePool is not available here).
/// </summary>
public sealed class LabelSetPredictor
{
    private const int TopCount = 3;
    private readonly ObjectPool<PredictionEngine<ClassifierInput, ClassifierOutput>> _engines;
    private readonly string[] _labels;
    private readonly BlendPartner? _blend;
    private readonly int[] _blendSlots = [];

    internal LabelSetPredictor(string name, MLContext ml, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> labels, DecisionThresholds thresholds,
        LabelSetPredictor? refinement = null, BlendPartner? blend = null)
    {
        Name = name;
        Model = model;
        Thresholds = thresholds;
        Refinement = refinement;
        EmbeddingDimension = Embeddings.EmbeddingSchema.DimensionOf(inputSchema);
        _labels = ScoreSlotNames(model, inputSchema) ?? labels.ToArray();
        if (_labels.Length == 0)
        {
            throw new InvalidOperationException($"label set '{name}' has no labels");
        }
        if (blend is not null)
        {
            _blend = blend;
            _blendSlots = blend.SlotsFor(_labels, name);
        }
        _engines = new DefaultObjectPool<PredictionEngine<ClassifierInput, ClassifierOutput>>(
            new PredictionEnginePolicy(ml, model, EmbeddingDimension), Math.Max(4, Environment.ProcessorCount * 2));
    }

    /// <summary>The embedding model that refines this label set after intake (null: none, or its embedder is not available here).</summary>
    public LabelSetPredictor? Refinement { get; }

    /// <summary>Size of the sentence vector this model takes, or null for text-only (n-gram) models.</summary>
    public int? EmbeddingDimension { get; }

    /// <summary>Label set name.</summary>
    public string Name { get; }

    /// <summary>Labels in score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Thresholds from the model manifest (advised at training); options may override them.</summary>
    public DecisionThresholds Thresholds { get; }

    /// <summary>The ML.NET model ("Text" → "Score").</summary>
    internal ITransformer Model { get; }

    /// <summary>Calibrated probabilities for every label, in <see cref="Labels"/> order; they sum to 1.</summary>
    /// <param name="text">The composed request text.</param>
    /// <param name="embedding">Its sentence vector; required by embedding models, ignored by n-gram models.</param>
    public double[] PredictProbabilities(string text, float[]? embedding = null)
    {
        if (EmbeddingDimension is { } size && embedding?.Length != size)
        {
            throw new ArgumentException($"model '{Name}' needs a sentence vector of {size} values", nameof(embedding));
        }
        var engine = _engines.Get();
        try
        {
            var output = engine.Predict(new ClassifierInput { Text = text ?? string.Empty, Embedding = EmbeddingDimension is null ? [] : embedding! });
            if (output.Score.Length != _labels.Length)
            {
                throw new InvalidOperationException($"model '{Name}' returned {output.Score.Length} scores for {_labels.Length} labels");
            }
            var probabilities = ProbabilityNormalizer.Normalize(output.Score);
            return _blend is null ? probabilities : _blend.Mix(probabilities, _blendSlots, text ?? string.Empty);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>Top label, its probability, top 3 and the decision under <paramref name="thresholds"/> (default: the manifest's).</summary>
    public LabelPrediction Predict(string text, DecisionThresholds? thresholds = null, float[]? embedding = null)
    {
        var probabilities = PredictProbabilities(text, embedding);
        var top = TopLabels(probabilities);
        var best = top[0];
        return new LabelPrediction(Name, best.Label, best.Probability, top, (thresholds ?? Thresholds).Decide(best.Probability));
    }

    private LabelProbability[] TopLabels(double[] probabilities)
    {
        // Partial selection of the 3 best; label sets are small (≤ a few hundred), so a simple scan is fastest.
        var count = Math.Min(TopCount, probabilities.Length);
        var best = new int[count];
        Array.Fill(best, -1);
        for (var i = 0; i < probabilities.Length; i++)
        {
            for (var slot = 0; slot < count; slot++)
            {
                if (best[slot] < 0 || probabilities[i] > probabilities[best[slot]])
                {
                    Array.Copy(best, slot, best, slot + 1, count - slot - 1);
                    best[slot] = i;
                    break;
                }
            }
        }
        return best.Select(i => new LabelProbability(_labels[i], probabilities[i])).ToArray();
    }

    private static string[]? ScoreSlotNames(ITransformer model, DataViewSchema inputSchema)
    {
        var score = model.GetOutputSchema(inputSchema).GetColumnOrNull("Score");
        if (score is null || !score.Value.HasSlotNames())
        {
            return null;
        }
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.Value.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
