using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Metrics;

/// <summary>Evaluates a loaded model on a labelled set, e.g. to compare a candidate with the active model before promotion.</summary>
public static class ModelEvaluator
{
    /// <summary>Metrics of <paramref name="model"/>'s label set <paramref name="labelSet"/> on the rows of <paramref name="data"/> labelled in that column.</summary>
    public static ModelMetrics Evaluate(LoadedModel model, LabelledDataset data, string labelSet)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var predictor = model.Find(labelSet) ?? throw new ArgumentException($"model {model.VersionId} has no label set '{labelSet}'", nameof(labelSet));
        var column = data.LabelColumnIndex(labelSet);
        // Labels the model never saw still count (as errors): extend the label list with them.
        var labels = predictor.Labels.ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var actual = new List<int>();
        var predicted = new List<int>();
        var probabilityOfActual = new List<double>();
        foreach (var i in data.LabelledIndices(column))
        {
            var row = data.Rows[i];
            var label = row.Labels[column];
            if (!index.TryGetValue(label, out var a))
            {
                a = labels.Count;
                labels.Add(label);
                index[label] = a;
            }
            var probabilities = predictor.PredictProbabilities(row.Text);
            actual.Add(a);
            predicted.Add(ProbabilityNormalizer.ArgMax(probabilities));
            probabilityOfActual.Add(a < probabilities.Length ? probabilities[a] : 0);
        }
        return MetricsCalculator.Compute(labels, actual, predicted, probabilityOfActual);
    }
}
