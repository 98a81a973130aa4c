using CustomerCases.Classification.Metrics;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Models;

/// <summary>The JSON manifest of a model version (manifest.json inside the package).</summary>
public sealed record ModelManifest(
    int FormatVersion,
    string VersionId,
    DateTimeOffset CreatedAt,
    TrainingDataSummary TrainingData,
    IReadOnlyList<LabelSetManifest> LabelSets,
    TrainingReport Report)
{
    /// <summary>Current package format.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Builds the manifest of a freshly trained model.</summary>
    public static ModelManifest From(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sets = model.LabelSets
            .Select(s => new LabelSetManifest(s.Name, ModelFileName(s.Name), s.Pipeline, s.Labels,
                s.Report.IntakeValidationMetrics ?? s.Report.WinnerValidationMetrics, s.AdvisedThresholds,
                s.Refinement is { } r
                    ? new RefinementManifest(r.EmbedderId, r.Dimension, RefinementFileName(s.Name), r.Pipeline, r.Labels, r.ValidationMetrics, r.AdvisedThresholds, r.IntakeWeight)
                    : null))
            .ToList();
        return new ModelManifest(CurrentFormatVersion, model.VersionId, model.CreatedAt, model.TrainingData, sets, model.Report);
    }

    /// <summary>Zip entry name of a label set's refinement model.</summary>
    public static string RefinementFileName(string labelSet) => ModelFileName(labelSet).Replace(".zip", ".refinement.zip", StringComparison.Ordinal);

    /// <summary>Zip entry name of a label set's ML.NET model: only safe characters, so any label column name works.</summary>
    public static string ModelFileName(string labelSet) =>
        "labelset-" + new string(labelSet.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ".zip";
}
