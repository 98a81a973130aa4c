using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerCases.Classification.Runtime;

namespace CustomerCases.Classification.Training;

/// <summary>Reads the true label key and the normalised scores of a scored data view.</summary>
internal static class ScoredRows
{
    /// <summary>Label keys are 1-based in ML.NET (0 = missing); returned 0-based, −1 for missing.</summary>
    public static (List<int> Actual, List<double[]> Probabilities) Read(IDataView scored)
    {
        var labelColumn = scored.Schema["Label"];
        var scoreColumn = scored.Schema["Score"];
        var actual = new List<int>();
        var probabilities = new List<double[]>();
        using var cursor = scored.GetRowCursor([labelColumn, scoreColumn]);
        var labelGetter = cursor.GetGetter<uint>(labelColumn);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        uint key = 0;
        VBuffer<float> scores = default;
        while (cursor.MoveNext())
        {
            labelGetter(ref key);
            scoreGetter(ref scores);
            actual.Add((int)key - 1);
            probabilities.Add(ProbabilityNormalizer.Normalize(scores.DenseValues().ToArray()));
        }
        return (actual, probabilities);
    }

    /// <summary>Label names in key order, from the key values of the label column.</summary>
    public static string[] LabelNames(DataViewSchema.Column labelColumn)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        labelColumn.GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
