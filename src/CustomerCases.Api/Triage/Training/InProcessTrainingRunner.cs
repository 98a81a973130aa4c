using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Embeddings;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// Trains on a thread of this process with a raised nice value (<see cref="LowPriorityWork"/>). Only that thread is
/// lowered: the thread-pool work items ML.NET hands out and the JIT still run at intake's priority, which is why the
/// child process (<see cref="ChildProcessTrainingRunner"/>) is the default.
/// </summary>
internal sealed class InProcessTrainingRunner(IOptions<ClassificationOptions> classification, IEnumerable<ISentenceEmbedder> embedders) : ITriageTrainingRunner
{
    public Task<TriageTrainingOutcome> TrainAsync(TriageTrainingRequest request, CancellationToken ct)
    {
        var options = classification.Value.ToTrainingOptions() with { Embedder = embedders.FirstOrDefault() };
        return LowPriorityWork.RunAsync(() => TriageTrainingWork.Run(request, options, progress: null, ct), "triage-training");
    }
}
