using CustomerCases.Classification.Metrics;

namespace CustomerCases.Classification.Models;

/// <summary>One label set inside a model version: its ML.NET zip, chosen pipeline, labels, metrics and thresholds.</summary>
/// <param name="Refinement">The embedding model that refines this one after intake, when one won the selection (null in older packages).</param>
public sealed record LabelSetManifest(
    string Name,
    string ModelFile,
    string Pipeline,
    IReadOnlyList<string> Labels,
    ModelMetrics ValidationMetrics,
    DecisionThresholds Thresholds,
    RefinementManifest? Refinement = null);

/// <summary>A label set's refinement model: needs the sentence embedder <paramref name="EmbedderId"/> at prediction time.</summary>
/// <param name="IntakeWeight">Weight of the intake model in a blended refinement (0, as in older packages: the refinement model alone).</param>
public sealed record RefinementManifest(
    string EmbedderId,
    int Dimension,
    string ModelFile,
    string Pipeline,
    IReadOnlyList<string> Labels,
    ModelMetrics ValidationMetrics,
    DecisionThresholds Thresholds,
    double IntakeWeight = 0);
