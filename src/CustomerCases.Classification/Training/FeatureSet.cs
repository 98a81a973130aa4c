namespace CustomerCases.Classification.Training;

/// <summary>Which text featurisation a candidate needs; selection fits each one once and caches the result.</summary>
internal enum FeatureSet
{
    /// <summary>Word 1..n-grams + char n-grams, TF-IDF, lower case, no punctuation, L2-normalised (linear trainers).</summary>
    WordCharTfIdf,

    /// <summary>Word 1..n-grams TF-IDF kept only when seen in ≥ 5 rows: trees do not finish on the full sparse space.</summary>
    FrequentWordTfIdf,

    /// <summary>
    /// <see cref="WordCharTfIdf"/> concatenated with the sentence embedding (both L2-normalised, so equal weight).
    /// triage.md §3: +2.8 points on BANKING77 over n-grams alone; needs the embedder at prediction time.
    /// </summary>
    WordCharTfIdfAndEmbedding,

    /// <summary>
    /// The sentence embedding alone. Its model is never used alone: its probabilities are averaged with the intake
    /// n-gram model's, with the weight chosen on validation (a blend of two views of the text; see README).
    /// </summary>
    Embedding,
}
