using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification;

/// <summary>
/// The ML.NET classifier: reads the active model once per call from the <see cref="ModelHolder"/> (so swaps are atomic
/// for callers) and predicts every label set. Thread-safe. With no model loaded yet, every label set says NeedsHuman.
/// </summary>
public sealed class CaseClassifier : ICaseClassifier, ICaseRefiner
{
    private readonly ModelHolder _holder;
    private readonly IReadOnlyDictionary<string, DecisionThresholds> _thresholdOverrides;

    /// <summary>
    /// Creates a classifier over <paramref name="holder"/>. <paramref name="thresholdOverrides"/> (by label set, e.g. from
    /// configuration) replace the thresholds advised in the model manifest.
    /// </summary>
    public CaseClassifier(ModelHolder holder, IReadOnlyDictionary<string, DecisionThresholds>? thresholdOverrides = null)
    {
        _holder = holder ?? throw new ArgumentNullException(nameof(holder));
        _thresholdOverrides = new Dictionary<string, DecisionThresholds>(
            thresholdOverrides ?? new Dictionary<string, DecisionThresholds>(), StringComparer.OrdinalIgnoreCase);
        foreach (var thresholds in _thresholdOverrides.Values)
        {
            thresholds.Validate();
        }
    }

    /// <inheritdoc />
    public CaseClassification Classify(string subject, string description) => Classify(TextComposer.Compose(subject, description));

    /// <inheritdoc />
    public CaseClassification Classify(string text)
    {
        var model = _holder.Current;
        if (model is null)
        {
            return new CaseClassification(null, []);
        }
        var predictions = new LabelPrediction[model.LabelSets.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            var predictor = model.LabelSets[i];
            predictions[i] = predictor.Predict(text ?? string.Empty, _thresholdOverrides.GetValueOrDefault(predictor.Name));
        }
        return new CaseClassification(model.VersionId, predictions);
    }

    /// <inheritdoc />
    public bool CanRefine => _holder.Current?.CanRefine == true;

    /// <inheritdoc />
    public IReadOnlyList<CaseClassification> Refine(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var model = _holder.Current;
        if (model?.Embedder is not { } embedder || texts.Count == 0)
        {
            return [];
        }
        var vectors = embedder.Embed(texts, cancellationToken);
        var refinable = model.LabelSets.Where(p => p.Refinement is not null).ToList();
        return texts.Select((text, i) => new CaseClassification(model.VersionId, refinable
                .Select(p => p.Refinement!.Predict(text ?? string.Empty, _thresholdOverrides.GetValueOrDefault(p.Name), vectors[i]))
                .ToList()))
            .ToList();
    }
}
