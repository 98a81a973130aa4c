using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// The CPU-heavy part of a training run, wherever it runs (training worker process or low-priority thread): train,
/// package, and score candidate and active model on the same held-back rows. The promotion decision is the caller's.
/// </summary>
internal static class TriageTrainingWork
{
    public static TriageTrainingOutcome Run(TriageTrainingRequest request, TrainingOptions options, IProgress<CandidateResult>? progress, CancellationToken ct)
    {
        var trained = new TriageTrainer(options).Train(request.Training, progress, ct);
        using var package = new MemoryStream();
        ModelPackage.Save(trained, package);
        var scores = request.Evaluation is { } evaluation
            ? Score(trained, evaluation, request.ActivePackage, options.Embedder)
            : new Dictionary<string, EvaluationScores>();
        return new TriageTrainingOutcome(package.ToArray(), ModelManifest.From(trained), scores, WorkerReport.Current());
    }

    /// <summary>Macro-F1 per label set of the candidate and of the active model (NaN where it lacks the label set or is absent).</summary>
    private static Dictionary<string, EvaluationScores> Score(TrainedModel trained, LabelledDataset evaluation, byte[]? activePackage,
        Classification.Embeddings.ISentenceEmbedder? embedder)
    {
        var candidate = LoadedModel.FromTrained(trained, embedder);
        LoadedModel? active = null;
        if (activePackage is not null)
        {
            using var stream = new MemoryStream(activePackage);
            active = ModelPackage.Load(stream, embedder);
        }

        return candidate.LabelSets.ToDictionary(s => s.Name, s => new EvaluationScores(
            ModelEvaluator.Evaluate(candidate, evaluation, s.Name).MacroF1,
            active?.Find(s.Name) is null ? double.NaN : ModelEvaluator.Evaluate(active, evaluation, s.Name).MacroF1));
    }
}
