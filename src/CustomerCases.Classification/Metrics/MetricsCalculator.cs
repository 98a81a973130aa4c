namespace CustomerCases.Classification.Metrics;

/// <summary>Computes <see cref="ModelMetrics"/> from actual and predicted label indices.</summary>
public static class MetricsCalculator
{
    /// <summary>
    /// <paramref name="actual"/> and <paramref name="predicted"/> index into <paramref name="labels"/>;
    /// <paramref name="probabilityOfActual"/> (optional) gives each row's probability of its true label for log-loss.
    /// </summary>
    public static ModelMetrics Compute(
        IReadOnlyList<string> labels,
        IReadOnlyList<int> actual,
        IReadOnlyList<int> predicted,
        IReadOnlyList<double>? probabilityOfActual = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException("actual and predicted must have the same length");
        }
        var k = labels.Count;
        var matrix = new int[k][];
        for (var i = 0; i < k; i++)
        {
            matrix[i] = new int[k];
        }
        var correct = 0;
        for (var r = 0; r < actual.Count; r++)
        {
            matrix[actual[r]][predicted[r]]++;
            if (actual[r] == predicted[r])
            {
                correct++;
            }
        }
        var perClass = new List<ClassMetrics>(k);
        double f1Sum = 0;
        var f1Count = 0;
        for (var c = 0; c < k; c++)
        {
            var tp = matrix[c][c];
            var support = matrix[c].Sum();
            var predictedCount = 0;
            for (var a = 0; a < k; a++)
            {
                predictedCount += matrix[a][c];
            }
            var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(labels[c], precision, recall, f1, support));
            // A class that neither occurs nor is predicted says nothing about this evaluation set.
            if (support > 0 || predictedCount > 0)
            {
                f1Sum += f1;
                f1Count++;
            }
        }
        var logLoss = double.NaN;
        if (probabilityOfActual is { Count: > 0 })
        {
            // Clip as scikit-learn does so one confident mistake does not make the mean infinite.
            logLoss = probabilityOfActual.Average(p => -Math.Log(Math.Clamp(p, 1e-15, 1.0)));
        }
        var n = actual.Count;
        return new ModelMetrics(
            n,
            n == 0 ? 0 : (double)correct / n,
            f1Count == 0 ? 0 : f1Sum / f1Count,
            logLoss,
            perClass,
            labels.ToArray(),
            matrix);
    }
}
