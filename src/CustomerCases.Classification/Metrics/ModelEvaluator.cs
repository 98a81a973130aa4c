using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Metrics;

/// <summary>Evaluates a loaded model on a labelled set, e.g. to compare a candidate with the active model before promotion.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Metrics of <paramref name="model"/>'s label set <paramref name="labelSet"/> on the rows of <paramref name="data"/>
    /// labelled in that column: of its final answer, i.e. the refinement where the model has one and it can run here.
    /// <paramref name="intakeOnly"/> measures the n-gram model that answers at intake instead.
    /// </summary>
    public static ModelMetrics Evaluate(LoadedModel model, LabelledDataset data, string labelSet, bool intakeOnly = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var predictor = model.Find(labelSet) ?? throw new ArgumentException($"model {model.VersionId} has no label set '{labelSet}'", nameof(labelSet));
        var column = data.LabelColumnIndex(labelSet);
        float[][]? vectors = null;
        if (!intakeOnly && predictor.Refinement is { } refinement && model.Embedder is { } embedder)
        {
            predictor = refinement;
            var texts = data.LabelledIndices(column).Select(i => data.Rows[i].Text).ToList();
            vectors = new float[texts.Count][];
            for (var start = 0; start < texts.Count; start += 32)
            {
                var batch = embedder.Embed(texts.Skip(start).Take(32).ToArray());
                batch.CopyTo(vectors, start);
            }
        }
        var rowIndex = 0;
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
            var probabilities = predictor.PredictProbabilities(row.Text, vectors?[rowIndex++]);
            actual.Add(a);
            predicted.Add(ProbabilityNormalizer.ArgMax(probabilities));
            probabilityOfActual.Add(a < probabilities.Length ? probabilities[a] : 0);
        }
        return MetricsCalculator.Compute(labels, actual, predicted, probabilityOfActual);
    }
}
