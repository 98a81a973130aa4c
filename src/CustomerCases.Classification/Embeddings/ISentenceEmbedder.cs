namespace CustomerCases.Classification.Embeddings;

/// <summary>
/// Turns texts into fixed-size sentence vectors (e.g. MiniLM). Optional: a model whose refinement needs an embedder
/// is refined only where one with the same <see cref="Id"/> is available; otherwise its n-gram model alone is used.
/// Implementations are thread-safe.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>Identifies the encoder and its weights (stored in the model manifest), e.g. "all-MiniLM-L6-v2".</summary>
    string Id { get; }

    /// <summary>Length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
