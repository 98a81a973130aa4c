using CustomerCases.Classification.Models;
using CustomerCases.Classification.Training;
using Microsoft.ML;

namespace CustomerCases.Classification.Runtime;

/// <summary>A model version ready to predict: manifest plus one pooled predictor per label set. Immutable; swapped whole.</summary>
public sealed class LoadedModel
{
    internal LoadedModel(ModelManifest manifest, IReadOnlyList<LabelSetPredictor> labelSets, Embeddings.ISentenceEmbedder? embedder = null)
    {
        Manifest = manifest;
        LabelSets = labelSets;
        Embedder = embedder;
    }

    /// <summary>The sentence embedder the refinement models need; null when no label set can be refined here.</summary>
    public Embeddings.ISentenceEmbedder? Embedder { get; }

    /// <summary>True when some label set has a refinement model and its embedder is available.</summary>
    public bool CanRefine => Embedder is not null;

    /// <summary>The version's manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Version id.</summary>
    public string VersionId => Manifest.VersionId;

    /// <summary>One predictor per label set, in manifest order.</summary>
    public IReadOnlyList<LabelSetPredictor> LabelSets { get; }

    /// <summary>The predictor of a label set, or null.</summary>
    public LabelSetPredictor? Find(string labelSet) =>
        LabelSets.FirstOrDefault(p => string.Equals(p.Name, labelSet, StringComparison.OrdinalIgnoreCase));

    /// <summary>Wraps a freshly trained model without a save/load round trip.</summary>
    /// <remarks>As for <see cref="ModelPackage.Load(Stream, Embeddings.ISentenceEmbedder?)"/>: refinements need the embedder they were trained with.</remarks>
    public static LoadedModel FromTrained(TrainedModel model, Embeddings.ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = ModelManifest.From(model);
        var ml = new MLContext();
        var predictors = model.LabelSets
            .Select(s => new LabelSetPredictor(s.Name, ml, s.Model, s.InputSchema, s.Labels, s.AdvisedThresholds,
                s.Refinement is { } r && embedder is not null && embedder.Id == r.EmbedderId && embedder.Dimension == r.Dimension
                    ? new LabelSetPredictor(s.Name, ml, r.Model, r.InputSchema, r.Labels, r.AdvisedThresholds, blend: r.IntakeWeight > 0
                        ? new BlendPartner(new LabelSetPredictor(s.Name, ml, s.Model, s.InputSchema, s.Labels, s.AdvisedThresholds), r.IntakeWeight)
                        : null)
                    : null))
            .ToList();
        return new LoadedModel(manifest, predictors, predictors.Any(p => p.Refinement is not null) ? embedder : null);
    }
}
