namespace CustomerCases.Classification;

/// <summary>
/// The second, slower stage of triage: label sets whose active model has an embedding refinement are predicted again
/// from text + sentence vector, after the case is committed (the embedder costs milliseconds, intake microseconds).
/// </summary>
public interface ICaseRefiner
{
    /// <summary>True when the active model has a refinement and its embedder is available on this node.</summary>
    bool CanRefine { get; }

    /// <summary>
    /// Refines several texts at once (the embedder is much faster per text in batches). One classification per text, in
    /// order, holding only the refined label sets; empty when nothing can be refined.
    /// </summary>
    IReadOnlyList<CaseClassification> Refine(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
