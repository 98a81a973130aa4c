namespace CustomerCases.Classification;

/// <summary>The classifier's answer for one case: one prediction per label set.</summary>
/// <param name="ModelVersion">Version id of the model that answered, or null when no model was loaded.</param>
/// <param name="Predictions">One prediction per label set, in the model's order.</param>
public sealed record CaseClassification(string? ModelVersion, IReadOnlyList<LabelPrediction> Predictions)
{
    /// <summary>The prediction for <paramref name="labelSet"/>, or a NeedsHuman placeholder when the model has no such label set.</summary>
    public LabelPrediction For(string labelSet) =>
        Predictions.FirstOrDefault(p => string.Equals(p.LabelSet, labelSet, StringComparison.OrdinalIgnoreCase))
        ?? LabelPrediction.NoModel(labelSet);
}
