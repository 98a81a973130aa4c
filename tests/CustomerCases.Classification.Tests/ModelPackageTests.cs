using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class ModelPackageTests(SyntheticModelFixture fixture) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-models-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Probes = ["charged twice on my invoice", "parcel has not arrived", "cannot log in", "something unrelated entirely"];

    [Fact]
    public void Save_then_load_gives_the_same_predictions_and_manifest()
    {
        var path = Path.Combine(_folder, fixture.Trained.VersionId + ".ccmodel");
        Directory.CreateDirectory(_folder);

        ModelPackage.Save(fixture.Trained, path);
        var loaded = ModelPackage.Load(path);

        foreach (var probe in Probes)
        {
            Assert.Equal(fixture.Model.LabelSets[0].PredictProbabilities(probe), loaded.LabelSets[0].PredictProbabilities(probe));
        }
        Assert.Equal(fixture.Model.LabelSets[0].Labels, loaded.LabelSets[0].Labels);
        Assert.Equal(fixture.Model.LabelSets[0].Thresholds, loaded.LabelSets[0].Thresholds);
        var manifest = loaded.Manifest;
        Assert.Equal(fixture.Trained.VersionId, manifest.VersionId);
        Assert.Equal(120, manifest.TrainingData.Rows);
        Assert.Equal("synthetic", manifest.TrainingData.Source);
        Assert.Equal(40, manifest.TrainingData.LabelCounts["category"]["billing"]);
        Assert.Contains("FeaturizeText", manifest.LabelSets[0].Pipeline, StringComparison.Ordinal);
        Assert.Equal(fixture.Trained.Report.LabelSets[0].Winner, manifest.Report.LabelSets[0].Winner);
        Assert.Equal(fixture.Trained.Report.LabelSets[0].WinnerValidationMetrics.MacroF1, manifest.LabelSets[0].ValidationMetrics.MacroF1);
        using var stream = File.OpenRead(path);
        Assert.Equal(fixture.Trained.VersionId, ModelPackage.ReadManifest(stream).VersionId);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
