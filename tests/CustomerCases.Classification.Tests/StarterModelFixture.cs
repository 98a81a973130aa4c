using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Tests;

/// <summary>The starter data split once (stratified by category, seeded) and the starter options trained on the training part.</summary>
public sealed class StarterModelFixture
{
    public StarterModelFixture()
    {
        var all = StarterModel.LoadDataset();
        var (train, holdout) = StratifiedSplit.Split(Enumerable.Range(0, all.Rows.Count).ToList(), i => all.Rows[i].Labels[0], 0.2, seed: 42);
        Train = all.Subset(train);
        Holdout = all.Subset(holdout);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Trained = new TriageTrainer(StarterModel.Options).Train(Train);
        TrainSeconds = watch.Elapsed.TotalSeconds;
    }

    public LabelledDataset Train { get; }

    public LabelledDataset Holdout { get; }

    public TrainedModel Trained { get; }

    public double TrainSeconds { get; }
}
