using CustomerCases.Classification.Metrics;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class MetricsCalculatorTests
{
    [Fact]
    public void Computes_accuracy_macro_f1_per_class_and_confusion_matrix()
    {
        // a: 3 rows (2 right, 1 → b); b: 1 row (right). Precision a 2/2, recall 2/3; b precision 1/2, recall 1.
        var metrics = MetricsCalculator.Compute(["a", "b"], [0, 0, 0, 1], [0, 0, 1, 1], [0.9, 0.8, 0.3, 0.7]);

        Assert.Equal(0.75, metrics.Accuracy, 10);
        var f1A = 2 * 1.0 * (2.0 / 3) / (1 + 2.0 / 3);
        var f1B = 2 * 0.5 * 1 / 1.5;
        Assert.Equal((f1A + f1B) / 2, metrics.MacroF1, 10);
        Assert.Equal([2, 1], metrics.ConfusionMatrix[0]);
        Assert.Equal([0, 1], metrics.ConfusionMatrix[1]);
        Assert.Equal(3, metrics.PerClass[0].Support);
        Assert.Equal(0.5, metrics.PerClass[1].Precision, 10);
        Assert.Equal(new[] { 0.9, 0.8, 0.3, 0.7 }.Average(p => -Math.Log(p)), metrics.LogLoss, 10);
    }

    [Fact]
    public void Classes_absent_from_both_sides_do_not_dilute_macro_f1()
    {
        var metrics = MetricsCalculator.Compute(["a", "b", "never"], [0, 1], [0, 1]);

        Assert.Equal(1.0, metrics.MacroF1, 10);
    }
}
