using CustomerCases.Classification.Metrics;

namespace CustomerCases.Classification.Models;

/// <summary>One label set inside a model version: its ML.NET zip, chosen pipeline, labels, metrics and thresholds.</summary>
public sealed record LabelSetManifest(
    string Name,
    string ModelFile,
    string Pipeline,
    IReadOnlyList<string> Labels,
    ModelMetrics ValidationMetrics,
    DecisionThresholds Thresholds);
