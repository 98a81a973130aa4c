using CustomerCases.Classification.Models;
using CustomerCases.Classification.Training;
using Microsoft.ML;

namespace CustomerCases.Classification.Runtime;

/// <summary>A model version ready to predict: manifest plus one pooled predictor per label set. Immutable; swapped whole.</summary>
public sealed class LoadedModel
{
    internal LoadedModel(ModelManifest manifest, IReadOnlyList<LabelSetPredictor> labelSets)
    {
        Manifest = manifest;
        LabelSets = labelSets;
    }

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
    public static LoadedModel FromTrained(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = ModelManifest.From(model);
        var ml = new MLContext();
        var predictors = model.LabelSets
            .Select(s => new LabelSetPredictor(s.Name, ml, s.Model, s.InputSchema, s.Labels, s.AdvisedThresholds))
            .ToList();
        return new LoadedModel(manifest, predictors);
    }
}
