using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class TriageTrainerTests(SyntheticModelFixture fixture)
{
    [Fact]
    public void Report_lists_every_candidate_with_validation_figures_and_names_the_winner()
    {
        var report = fixture.Trained.Report.LabelSets.Single();

        Assert.Equal("category", report.LabelSet);
        Assert.Equal(2, report.Candidates.Count);
        Assert.All(report.Candidates, c =>
        {
            Assert.Null(c.Skipped);
            Assert.InRange(c.MacroF1, 0, 1);
            Assert.InRange(c.Accuracy, 0, 1);
            Assert.True(c.TrainSeconds >= 0);
        });
        Assert.Contains(report.Winner, report.Candidates.Select(c => c.Candidate));
        Assert.Contains("macro-F1", report.Reason, StringComparison.Ordinal);
        // The winner has the best macro-F1 up to the tie tolerance (half a validation row), where log-loss decides.
        Assert.True(report.Candidates.Single(c => c.Candidate == report.Winner).MacroF1 >= report.Candidates.Max(c => c.MacroF1) - 0.5 / report.ValidationRows);
        Assert.Equal(24, report.ValidationRows); // 20 % of 40 rows for each of 3 labels
    }

    [Fact]
    public void Candidates_tied_on_macro_f1_are_decided_by_log_loss()
    {
        // Both candidates are perfect on this easy split: the one with the better probabilities must win.
        var report = new TriageTrainer(SyntheticRequests.FastOptions).Train(SyntheticRequests.Create(40)).Report.LabelSets[0];
        Assert.All(report.Candidates, c => Assert.Equal(1.0, c.MacroF1, 6));

        Assert.Equal(report.Candidates.MinBy(c => c.LogLoss)!.Candidate, report.Winner);
    }

    [Fact]
    public void Trained_model_learns_well_separated_categories()
    {
        var metrics = fixture.Trained.LabelSets[0].Report.WinnerValidationMetrics;

        Assert.True(metrics.Accuracy > 0.9, $"validation accuracy {metrics.Accuracy}");
        Assert.Equal(3, metrics.PerClass.Count);
        Assert.Equal(metrics.Rows, metrics.ConfusionMatrix.Sum(r => r.Sum()));
    }

    [Fact]
    public void Every_trainer_kind_trains_and_tree_ensembles_are_skipped_only_above_the_class_cap()
    {
        var options = new TrainingOptions { LbfgsL2Grid = [0.01], MaxThreads = 1, MaxClassesForOneVersusAllTrees = 2 };

        var report = new TriageTrainer(options).Train(SyntheticRequests.Create(30)).Report.LabelSets[0];

        foreach (var kind in new[] { "FastTree", "FastForest" })
        {
            Assert.StartsWith("skipped", report.Candidates.Single(c => c.Candidate.Contains(kind, StringComparison.Ordinal)).Skipped, StringComparison.Ordinal);
        }
        var ran = report.Candidates.Where(c => c.Skipped is null).Select(c => c.Candidate).ToList();
        Assert.Equal(5, ran.Count); // L-BFGS, perceptron, SVM, SDCA, LightGBM
        Assert.Contains(ran, c => c.StartsWith("LightGbm", StringComparison.Ordinal));
    }

    [Fact]
    public void One_versus_all_trees_train_when_classes_are_few()
    {
        var options = new TrainingOptions { Candidates = [TriageTrainerKind.FastTree, TriageTrainerKind.FastForest], MaxThreads = 1 };

        var trained = new TriageTrainer(options).Train(SyntheticRequests.Create(30));

        Assert.All(trained.Report.LabelSets[0].Candidates, c => Assert.Null(c.Skipped));
        var probabilities = LoadedModel.FromTrained(trained).LabelSets[0].PredictProbabilities("my parcel has not arrived");
        Assert.Equal(1.0, probabilities.Sum(), 6);
    }

    [Fact]
    public void Selection_budget_skips_the_remaining_candidates_but_always_trains_the_first()
    {
        var options = SyntheticRequests.FastOptions with { SelectionBudget = TimeSpan.Zero };
        var reported = new List<Metrics.CandidateResult>();

        var report = new TriageTrainer(options).Train(SyntheticRequests.Create(20), new SynchronousProgress<Metrics.CandidateResult>(reported.Add)).Report.LabelSets[0];

        Assert.Null(report.Candidates[0].Skipped);
        Assert.Contains("budget", report.Candidates[1].Skipped, StringComparison.Ordinal);
        Assert.Equal(report.Candidates, reported);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var data = SyntheticRequests.Create(20, seed: 3);

        var first = LoadedModel.FromTrained(new TriageTrainer(SyntheticRequests.FastOptions).Train(data));
        var second = LoadedModel.FromTrained(new TriageTrainer(SyntheticRequests.FastOptions).Train(data));

        Assert.Equal(first.LabelSets[0].PredictProbabilities("invoice charged twice"), second.LabelSets[0].PredictProbabilities("invoice charged twice"));
    }

    [Fact]
    public void Multiple_label_columns_give_one_model_each_and_rows_without_a_label_are_ignored_for_that_column()
    {
        var rows = new List<LabelledRow>();
        foreach (var row in SyntheticRequests.Create(20).Rows)
        {
            var priority = row.Labels[0] == "account_access" ? "High" : "Normal";
            rows.Add(new LabelledRow(row.Text, [row.Labels[0], rows.Count % 10 == 0 ? string.Empty : priority]));
        }
        var data = new LabelledDataset("two-columns", ["category", "priority"], rows);

        var trained = new TriageTrainer(SyntheticRequests.FastOptions).Train(data);

        Assert.Equal(["category", "priority"], trained.LabelSets.Select(s => s.Name));
        Assert.Equal(["High", "Normal"], trained.LabelSets[1].Labels);
        Assert.Equal(54, trained.LabelSets[1].Report.TrainingRows);
        Assert.Equal(60, trained.TrainingData.Rows);
    }

    [Fact]
    public void Labels_with_a_single_row_are_dropped_and_reported()
    {
        var rows = SyntheticRequests.Create(10).Rows.Select(r => (r.Text, r.Labels[0])).Append(("a lonely request", "rare"));

        var trained = new TriageTrainer(SyntheticRequests.FastOptions).Train(LabelledDataset.FromPairs(rows));

        Assert.Equal(["rare"], trained.Report.LabelSets[0].DroppedLabels);
        Assert.DoesNotContain("rare", trained.LabelSets[0].Labels);
    }

    [Fact]
    public void A_label_column_with_a_single_usable_label_is_rejected_with_a_clear_message()
    {
        var data = LabelledDataset.FromPairs([("a", "x"), ("b", "x"), ("c", "y")]);

        var error = Assert.Throws<InvalidOperationException>(() => new TriageTrainer(SyntheticRequests.FastOptions).Train(data));

        Assert.Contains("at least 2 labels", error.Message, StringComparison.Ordinal);
    }
}
