using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class ModelRetrainerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-retrain-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void First_retrain_is_promoted_and_a_much_worse_one_is_rejected()
    {
        var repository = new ModelRepository(_folder);
        var holder = new ModelHolder();
        var options = Options.Create(new ClassificationOptions
        {
            ModelFolder = _folder,
            Candidates = [Training.TriageTrainerKind.OneVersusAllAveragedPerceptron],
            RetrainTolerance = 0.01,
        });
        var retrainer = new ModelRetrainer(repository, holder, options);
        var evaluation = SyntheticRequests.Create(10, seed: 99);

        var first = retrainer.Retrain(SyntheticRequests.Create(30), evaluation);
        // Shuffled labels: same texts, useless model.
        var good = SyntheticRequests.Create(30, seed: 5);
        var labels = good.Rows.Select(r => r.Labels[0]).ToArray();
        new Random(1).Shuffle(labels);
        var noisy = new Training.LabelledDataset("noise", good.LabelColumns, good.Rows.Select((r, i) => new Training.LabelledRow(r.Text, [labels[i]])).ToList());
        var second = retrainer.Retrain(noisy, evaluation);

        Assert.True(first.Promoted, first.Decisions["category"].Reason);
        Assert.False(second.Promoted, second.Decisions["category"].Reason);
        Assert.Equal(first.Version.VersionId, holder.Current?.VersionId);
        Assert.Equal(first.Version.VersionId, repository.ActiveVersionId);
        Assert.Equal(2, repository.List().Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
