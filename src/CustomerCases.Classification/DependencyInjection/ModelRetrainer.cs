using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Promotion;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Microsoft.Extensions.Options;

namespace CustomerCases.Classification.DependencyInjection;

/// <summary>
/// Retrains, compares with the active model on the same evaluation set, and promotes by <see cref="PromotionRule"/>:
/// the glue a recurring job calls. Every label set must pass; the decision per label set is returned for the audit log.
/// </summary>
public sealed class ModelRetrainer(ModelRepository repository, ModelHolder holder, IOptions<ClassificationOptions> options)
{
    /// <summary>Trains on <paramref name="training"/>, evaluates candidate and active model on <paramref name="evaluation"/>, saves, and promotes if accepted.</summary>
    public RetrainOutcome Retrain(LabelledDataset training, LabelledDataset evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(evaluation);
        var trained = new TriageTrainer(options.Value.ToTrainingOptions()).Train(training, cancellationToken: cancellationToken);
        var candidate = LoadedModel.FromTrained(trained);
        var active = holder.Current;
        var decisions = new Dictionary<string, PromotionDecision>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in candidate.LabelSets)
        {
            var candidateScore = ModelEvaluator.Evaluate(candidate, evaluation, set.Name).MacroF1;
            var activeScore = active?.Find(set.Name) is null ? double.NaN : ModelEvaluator.Evaluate(active, evaluation, set.Name).MacroF1;
            decisions[set.Name] = PromotionRule.Decide(candidateScore, activeScore, options.Value.RetrainTolerance);
        }
        var record = repository.Save(trained);
        var promoted = decisions.Values.All(d => d.Promote);
        if (promoted)
        {
            repository.Activate(trained.VersionId);
            holder.Swap(candidate);
        }
        return new RetrainOutcome(record, trained.Report, decisions, promoted);
    }
}
