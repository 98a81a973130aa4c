namespace CustomerCases.Classification;

/// <summary>Classifies an incoming customer request. Implementations are thread-safe.</summary>
public interface ICaseClassifier
{
    /// <summary>Classifies a request given as subject and description (either may be empty).</summary>
    CaseClassification Classify(string subject, string description);

    /// <summary>Classifies a request given as one text.</summary>
    CaseClassification Classify(string text);
}
