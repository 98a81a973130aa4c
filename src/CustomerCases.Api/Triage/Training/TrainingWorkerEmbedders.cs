using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.MiniLM;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// The sentence embedders a training worker process can construct by id: the ones the service itself registers
/// (<see cref="TriageServiceCollectionExtensions"/>). An embedder registered in code only (a custom one) cannot cross
/// the process boundary: training with it needs <c>Triage:TrainInChildProcess=false</c>.
/// </summary>
internal static class TrainingWorkerEmbedders
{
    public static ISentenceEmbedder? Create(string? id, int threads) => id switch
    {
        null => null,
        MiniLmEmbedder.ModelId => new MiniLmEmbedder(threads),
        _ => throw new InvalidOperationException(
            $"the training worker process cannot construct the sentence embedder '{id}' (it knows {MiniLmEmbedder.ModelId}); " +
            "train in-process (Triage:TrainInChildProcess=false) to use it"),
    };
}
