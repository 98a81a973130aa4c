namespace CustomerCases.Classification;

/// <summary>The prediction for one label set (e.g. "category" or "priority").</summary>
/// <param name="LabelSet">Name of the label set (the label column the model was trained on).</param>
/// <param name="Label">Most probable label, or null when there is no model for this label set.</param>
/// <param name="Probability">Calibrated probability of <paramref name="Label"/> (0 when there is no model).</param>
/// <param name="Top">Up to three most probable labels, best first.</param>
/// <param name="Decision">What to do with <paramref name="Label"/> given the label set's thresholds.</param>
public sealed record LabelPrediction(
    string LabelSet,
    string? Label,
    double Probability,
    IReadOnlyList<LabelProbability> Top,
    TriageDecision Decision)
{
    /// <summary>A "no opinion" prediction: a human must decide.</summary>
    public static LabelPrediction NoModel(string labelSet) => new(labelSet, null, 0, [], TriageDecision.NeedsHuman);
}
