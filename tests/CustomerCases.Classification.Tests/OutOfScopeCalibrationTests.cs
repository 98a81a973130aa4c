using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

/// <summary>
/// Training chooses the out-of-scope threshold on out-of-fold predictions. The data make the failure of the obvious
/// alternative visible: each out-of-scope request is a greeting and a closing word, as in-scope requests have, around
/// gibberish no other request shares. A model that trained on a request recognises its gibberish (in-sample every one is
/// caught at t = 0); to a model that did not, a new one is only the greeting: an in-scope guess with low confidence.
/// </summary>
public sealed class OutOfScopeCalibrationTests
{
    private const string Oos = "oos";
    private static readonly OutOfScopeOptions Calibration = new() { Label = Oos, TargetRecall = 0.7, Folds = 5, MarginStandardErrors = 1 };

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Out_of_fold_threshold_reaches_the_recall_target_on_new_requests_where_the_in_sample_choice_does_not(int seed)
    {
        var training = WithGibberishOutOfScope(rowsPerLabel: 200, oosRows: 40, seed);
        var trained = new TriageTrainer(SyntheticRequests.FastOptions with { Candidates = [TriageTrainerKind.LbfgsMaximumEntropy], OutOfScope = Calibration })
            .Train(training);
        var set = trained.LabelSets[0];
        var calibration = set.Report.OutOfScope!;
        var model = LoadedModel.FromTrained(trained).LabelSets[0];
        var inSample = Predict(model, training);
        var inSampleThreshold = OutOfScopeRule.LowestThresholdForRecall(inSample, Oos, calibration.RequiredRecall);
        var unseen = Predict(model, WithGibberishOutOfScope(rowsPerLabel: 40, oosRows: 100, seed + 1000));

        Assert.Equal(0.0, inSampleThreshold); // the model knows its own gibberish
        Assert.True(calibration.Threshold > inSampleThreshold, $"out-of-fold threshold {calibration.Threshold}");
        Assert.True(OutOfScopeRule.Score(unseen, Oos, inSampleThreshold).OosRecall < 0.7,
            $"in-sample choice catches {OutOfScopeRule.Score(unseen, Oos, inSampleThreshold).OosRecall} of new out-of-scope requests");
        var (inScope, recall) = OutOfScopeRule.Score(unseen, Oos, calibration.Threshold);
        Assert.True(recall >= 0.7, $"out-of-fold choice (t = {calibration.Threshold}, out-of-fold recall {calibration.OutOfFoldRecall}) catches {recall}");
        Assert.True(inScope > 0.9, $"in-scope accuracy {inScope} at t = {calibration.Threshold}");
    }

    [Fact]
    public void Every_row_is_scored_out_of_fold_and_the_selection_split_is_reused_as_the_first_fold()
    {
        var training = WithGibberishOutOfScope(rowsPerLabel: 20, oosRows: 15, seed: 5);

        var set = new TriageTrainer(SyntheticRequests.FastOptions with { Candidates = [TriageTrainerKind.LbfgsMaximumEntropy], OutOfScope = Calibration })
            .Train(training).LabelSets[0];

        var outOfFold = set.OutOfFoldPredictions!;
        var calibration = set.Report.OutOfScope!;
        Assert.Equal(training.Rows.Select(r => r.Labels[0]), outOfFold.Select(p => p.Actual));
        Assert.All(outOfFold, p => Assert.InRange(p.Probability, 0, 1));
        Assert.Equal(15, calibration.OutOfScopeRows);
        Assert.Equal(OutOfScopeRule.RequiredRecall(0.7, 1, 15), calibration.RequiredRecall, 12);
        Assert.True(calibration.OutOfFoldRecall >= calibration.RequiredRecall);
        Assert.Equal(calibration.OutOfFoldRecall, OutOfScopeRule.Score(outOfFold, Oos, calibration.Threshold).OosRecall, 12);
        // The selection's validation predictions are the first fold's out-of-fold predictions, not refitted.
        // (equal to the last bit of the probability: a fold refitted on other rows would not give the same values)
        Assert.All(set.ValidationPredictions, v => Assert.Contains(v, outOfFold));
    }

    [Fact]
    public void Folds_fitted_in_parallel_give_exactly_the_predictions_of_folds_fitted_one_after_the_other()
    {
        var data = WithGibberishOutOfScope(rowsPerLabel: 30, oosRows: 15, seed: 11);
        var rows = data.Rows.Select(r => new TrainingInput { Text = r.Text, Label = r.Labels[0] }).ToList();
        var options = SyntheticRequests.FastOptions with { Candidates = [TriageTrainerKind.LbfgsMaximumEntropy] };
        var lbfgs = CandidateCatalog.Expand(options, classCount: 4)[0];
        var folds = StratifiedFolds.Split(Enumerable.Range(0, rows.Count).ToList(), i => rows[i].Label, 4, seed: 1);
        var firstFold = folds[0].Select(i => new ValidationPrediction(rows[i].Label, rows[i].Label, 1)).ToList();
        OutOfFoldScorer.Member[] members = [new(lbfgs, 1)];

        var oneByOne = OutOfFoldScorer.Score(rows, folds, firstFold, members, options, CancellationToken.None, parallelFolds: 1);
        var parallel = OutOfFoldScorer.Score(rows, folds, firstFold, members, options, CancellationToken.None, parallelFolds: 3);

        // Each fold has its own seeded ML.NET context and nothing else is shared: bit for bit the same.
        Assert.Equal(oneByOne, parallel);
        Assert.Contains(oneByOne, p => p.Probability < 1); // the other folds were really scored
    }

    [Fact]
    public void The_choice_is_stored_with_the_model_report_in_the_package()
    {
        var trained = new TriageTrainer(SyntheticRequests.FastOptions with { Candidates = [TriageTrainerKind.LbfgsMaximumEntropy], OutOfScope = Calibration })
            .Train(WithGibberishOutOfScope(rowsPerLabel: 20, oosRows: 15, seed: 5));
        using var package = new MemoryStream();
        ModelPackage.Save(trained, package);
        package.Position = 0;

        var stored = ModelPackage.ReadManifest(package).Report.LabelSets[0].OutOfScope;

        Assert.Equal(trained.LabelSets[0].Report.OutOfScope, stored);
    }

    [Fact]
    public void Without_the_option_or_without_the_label_there_is_no_calibration()
    {
        Assert.Null(new TriageTrainer(SyntheticRequests.FastOptions).Train(WithGibberishOutOfScope(20, 10, 3)).LabelSets[0].Report.OutOfScope);

        var set = new TriageTrainer(SyntheticRequests.FastOptions with { OutOfScope = Calibration }).Train(SyntheticRequests.Create(20)).LabelSets[0];

        Assert.Null(set.Report.OutOfScope);
        Assert.Null(set.OutOfFoldPredictions);
    }

    private static List<ValidationPrediction> Predict(LabelSetPredictor model, LabelledDataset data) =>
        data.Rows.Select(r =>
        {
            var p = model.Predict(r.Text);
            return new ValidationPrediction(r.Labels[0], p.Label ?? string.Empty, p.Probability);
        }).ToList();

    /// <summary>
    /// The synthetic categories plus out-of-scope rows: greeting + two random 7-letter words + the start of two requests
    /// of different categories (so that, without the gibberish, they are an unsure guess between two categories).
    /// </summary>
    private static LabelledDataset WithGibberishOutOfScope(int rowsPerLabel, int oosRows, int seed)
    {
        var random = new Random(seed);
        string[] greetings = ["hi", "hello", "please help", "good morning", "hey"];
        string Word() => new(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var inScope = SyntheticRequests.Create(rowsPerLabel, seed).Rows.Select(r => (r.Text, Label: r.Labels[0])).ToList();
        string StartOf(string label)
        {
            var texts = inScope.Where(r => r.Label == label).Select(r => r.Text).ToArray();
            return string.Join(' ', texts[random.Next(texts.Length)].Split(' ').TakeLast(4).Take(2));
        }
        var labels = SyntheticRequests.Labels;
        var outOfScope = Enumerable.Range(0, oosRows).Select(i =>
            ($"{greetings[random.Next(greetings.Length)]} {Word()} {Word()} {StartOf(labels[i % labels.Count])} {StartOf(labels[(i + 1) % labels.Count])}", Oos));
        return LabelledDataset.FromPairs(inScope.Concat(outOfScope).ToList(), "category", "synthetic with out-of-scope");
    }
}
