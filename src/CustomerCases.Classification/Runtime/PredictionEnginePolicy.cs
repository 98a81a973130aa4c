using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace CustomerCases.Classification.Runtime;

/// <summary>Creates PredictionEngines (not thread-safe themselves) for the pool; creation is serialised on the MLContext.</summary>
internal sealed class PredictionEnginePolicy(MLContext ml, ITransformer model, int? embeddingDimension) : IPooledObjectPolicy<PredictionEngine<ClassifierInput, ClassifierOutput>>
{
    private readonly Lock _createLock = new();

    public PredictionEngine<ClassifierInput, ClassifierOutput> Create()
    {
        lock (_createLock)
        {
            return ml.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(model, ignoreMissingColumns: false,
                inputSchemaDefinition: Embeddings.EmbeddingSchema.For<ClassifierInput>(embeddingDimension));
        }
    }

    public bool Return(PredictionEngine<ClassifierInput, ClassifierOutput> obj) => true;
}
