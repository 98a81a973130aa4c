using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Promotion;

namespace CustomerCases.Classification.DependencyInjection;

/// <summary>Result of a retraining: the saved version, its training report, the decision per label set, and whether it went live.</summary>
public sealed record RetrainOutcome(
    ModelVersionRecord Version,
    TrainingReport Report,
    IReadOnlyDictionary<string, PromotionDecision> Decisions,
    bool Promoted);
