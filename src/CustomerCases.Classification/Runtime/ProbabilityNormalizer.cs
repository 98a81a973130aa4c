namespace CustomerCases.Classification.Runtime;

/// <summary>
/// Makes a score vector a probability distribution. Max-entropy and LightGBM already output softmax probabilities and
/// one-versus-all with <c>useProbabilities</c> outputs Platt-calibrated, normalised ones; this guards the rest
/// (rounding, or a raw-score model) so callers can rely on the sum being 1.
/// </summary>
internal static class ProbabilityNormalizer
{
    public static double[] Normalize(ReadOnlySpan<float> scores)
    {
        var result = new double[scores.Length];
        if (scores.Length == 0)
        {
            return result;
        }
        var allProbabilities = true;
        double sum = 0;
        foreach (var s in scores)
        {
            if (float.IsNaN(s) || s < 0 || s > 1)
            {
                allProbabilities = false;
                break;
            }
            sum += s;
        }
        if (allProbabilities && sum > 0)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                result[i] = scores[i] / sum;
            }
            return result;
        }
        // Raw margins: softmax (stable form). NaN scores count as impossible.
        double max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            if (!float.IsNaN(s) && s > max)
            {
                max = s;
            }
        }
        if (double.IsNegativeInfinity(max))
        {
            Array.Fill(result, 1.0 / scores.Length);
            return result;
        }
        sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = float.IsNaN(scores[i]) ? 0 : Math.Exp(scores[i] - max);
            sum += result[i];
        }
        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }
        return result;
    }

    /// <summary>Index of the largest value (first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
