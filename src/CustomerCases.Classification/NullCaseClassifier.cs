namespace CustomerCases.Classification;

/// <summary>
/// A classifier with no model: every label set gets NeedsHuman. Used as the baseline when benchmarking intake
/// with and without the model (performance goal G7), and as a safe fallback.
/// </summary>
public sealed class NullCaseClassifier : ICaseClassifier
{
    private readonly CaseClassification _answer;

    /// <summary>Creates a stub that answers for the given label sets (default: category and priority).</summary>
    public NullCaseClassifier(IEnumerable<string>? labelSets = null)
    {
        var sets = (labelSets ?? ["category", "priority"]).Select(LabelPrediction.NoModel).ToArray();
        _answer = new CaseClassification(null, sets);
    }

    /// <inheritdoc />
    public CaseClassification Classify(string subject, string description) => _answer;

    /// <inheritdoc />
    public CaseClassification Classify(string text) => _answer;
}
