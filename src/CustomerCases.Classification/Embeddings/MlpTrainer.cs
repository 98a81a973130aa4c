namespace CustomerCases.Classification.Embeddings;

/// <summary>
/// Trains an <see cref="MlpModel"/>: mini-batch cross-entropy with AdamW, cosine-decayed step size, dropout on the
/// hidden layer, He-initialised weights. One thread; seeded, so the same rows in the same order give the same model.
/// </summary>
public static class MlpTrainer
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    /// <param name="vectors">One sentence vector per row, all of the same size.</param>
    /// <param name="labels">Each row's label as an index into <paramref name="labelNames"/>.</param>
    public static MlpModel Train(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, IReadOnlyList<string> labelNames, MlpOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (vectors.Count == 0 || vectors.Count != labels.Count)
        {
            throw new ArgumentException("one label per vector, and at least one row", nameof(labels));
        }
        var inputSize = vectors[0].Length;
        if (vectors.Any(v => v.Length != inputSize) || labels.Any(l => l < 0 || l >= labelNames.Count))
        {
            throw new ArgumentException("vectors must share one size and labels must index the label names", nameof(vectors));
        }

        var random = new Random(options.Seed);
        var hidden = options.Hidden;
        var classes = labelNames.Count;
        var model = new MlpModel(labelNames.ToArray(), inputSize, hidden,
            Gaussian(random, hidden * inputSize, MathF.Sqrt(2f / inputSize)), new float[hidden],
            Gaussian(random, classes * hidden, MathF.Sqrt(1f / hidden)), new float[classes]);
        var parameters = new[] { model.HiddenWeights, model.HiddenBias, model.OutputWeights, model.OutputBias };
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var moments = parameters.Select(p => (First: new float[p.Length], Second: new float[p.Length])).ToArray();
        var decays = new[] { (float)options.WeightDecay, 0f, (float)options.WeightDecay, 0f };

        var order = Enumerable.Range(0, vectors.Count).ToArray();
        var stepsPerEpoch = (order.Length + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = options.Epochs * stepsPerEpoch;
        var keep = 1 - (float)options.Dropout;
        var activations = new float[hidden];
        var mask = new bool[hidden];
        var scores = new float[classes];
        var hiddenGradient = new float[hidden];
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var gradient in gradients)
                {
                    Array.Clear(gradient);
                }
                var count = Math.Min(options.BatchSize, order.Length - start);
                for (var b = 0; b < count; b++)
                {
                    var row = order[start + b];
                    Accumulate(model, vectors[row], labels[row], random, keep, activations, mask, scores, hiddenGradient, gradients);
                }

                step++;
                var rate = (float)(options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (step - 1) / totalSteps)));
                for (var p = 0; p < parameters.Length; p++)
                {
                    AdamW(parameters[p], gradients[p], moments[p].First, moments[p].Second, count, step, rate, decays[p]);
                }
            }
        }
        return model;
    }

    /// <summary>Forward pass with dropout, then the row's cross-entropy gradient added to <paramref name="gradients"/>.</summary>
    private static void Accumulate(MlpModel model, float[] x, int label, Random random, float keep, float[] activations, bool[] mask, float[] scores,
        float[] hiddenGradient, float[][] gradients)
    {
        model.HiddenLayer(x, activations);
        for (var j = 0; j < activations.Length; j++)
        {
            mask[j] = keep < 1 && random.NextSingle() >= keep;
            activations[j] = mask[j] ? 0 : activations[j] / keep;
        }
        model.OutputLayer(activations, scores);
        MlpModel.Softmax(scores);
        scores[label] -= 1; // d(cross-entropy)/d(score) = p - onehot

        Array.Clear(hiddenGradient);
        var hidden = model.Hidden;
        for (var k = 0; k < scores.Length; k++)
        {
            var g = scores[k];
            AddScaled(g, activations, gradients[2].AsSpan(k * hidden, hidden));
            gradients[3][k] += g;
            AddScaled(g, model.OutputWeights.AsSpan(k * hidden, hidden), hiddenGradient);
        }
        var inputSize = model.InputSize;
        for (var j = 0; j < hidden; j++)
        {
            if (activations[j] <= 0)
            {
                continue; // ReLU off, or dropped
            }
            var g = hiddenGradient[j] / keep;
            AddScaled(g, x, gradients[0].AsSpan(j * inputSize, inputSize));
            gradients[1][j] += g;
        }
    }

    private static void AddScaled(float factor, ReadOnlySpan<float> x, Span<float> y)
    {
        var width = System.Numerics.Vector<float>.Count;
        var f = new System.Numerics.Vector<float>(factor);
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new System.Numerics.Vector<float>(y[i..]) + f * new System.Numerics.Vector<float>(x[i..])).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++)
        {
            y[i] += factor * x[i];
        }
    }

    private static void AdamW(float[] weights, float[] gradient, float[] first, float[] second, int batch, int step, float rate, float decay)
    {
        var correction1 = 1 - MathF.Pow(Beta1, step);
        var correction2 = 1 - MathF.Pow(Beta2, step);
        for (var i = 0; i < weights.Length; i++)
        {
            var g = gradient[i] / batch;
            first[i] = Beta1 * first[i] + (1 - Beta1) * g;
            second[i] = Beta2 * second[i] + (1 - Beta2) * g * g;
            weights[i] -= rate * (first[i] / correction1 / (MathF.Sqrt(second[i] / correction2) + Epsilon) + decay * weights[i]);
        }
    }

    private static float[] Gaussian(Random random, int count, float scale)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            // Box–Muller
            values[i] = scale * MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle())) * MathF.Cos(2 * MathF.PI * random.NextSingle());
        }
        return values;
    }
}
