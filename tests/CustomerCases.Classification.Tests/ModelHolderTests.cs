using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class ModelHolderTests(SyntheticModelFixture fixture)
{
    [Fact]
    public async Task Swap_under_concurrent_predictions_never_fails_and_every_answer_comes_from_one_whole_version()
    {
        // A second version with a different label set name, so an answer mixing versions would be visible.
        var rows = SyntheticRequests.Create(20, seed: 11).Rows.Select(r => new LabelledRow(r.Text, r.Labels));
        var other = LoadedModel.FromTrained(new TriageTrainer(SyntheticRequests.FastOptions).Train(new LabelledDataset("other", ["topic"], rows.ToList())));
        var holder = new ModelHolder(fixture.Model);
        var classifier = new CaseClassifier(holder);
        var expectedSet = new Dictionary<string, string> { [fixture.Model.VersionId] = "category", [other.VersionId] = "topic" };
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                var result = classifier.Classify("my parcel has not arrived");
                var prediction = Assert.Single(result.Predictions);
                Assert.Equal(expectedSet[result.ModelVersion!], prediction.LabelSet);
                Assert.Equal("delivery", prediction.Label);
                seen.AddOrUpdate(result.ModelVersion!, 1, (_, n) => n + 1);
                count++;
            }
            return count;
        })).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // At least 200 swaps, and on a loaded machine keep going until the readers have seen both versions.
        for (var i = 0; i < 200 || (seen.Count < 2 && watch.Elapsed < TimeSpan.FromSeconds(20)); i++)
        {
            holder.Swap(i % 2 == 0 ? other : fixture.Model);
            await Task.Delay(1);
        }
        holder.Swap(fixture.Model);
        await Task.Delay(20);
        await stop.CancelAsync();
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(2, seen.Count);
        Assert.Same(fixture.Model, holder.Current);
    }

    [Fact]
    public void Swap_returns_the_previous_model_and_raises_the_event()
    {
        var holder = new ModelHolder();
        LoadedModel? announced = null;
        holder.Swapped += m => announced = m;

        Assert.Null(holder.Swap(fixture.Model));
        Assert.Same(fixture.Model, announced);
        Assert.Same(fixture.Model, holder.Swap(fixture.Model));
    }
}
