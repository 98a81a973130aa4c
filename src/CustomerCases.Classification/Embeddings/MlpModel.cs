using System.Numerics;
using System.Text;

namespace CustomerCases.Classification.Embeddings;

/// <summary>
/// A trained one-hidden-layer network on a sentence vector: ReLU hidden layer, softmax over <see cref="Labels"/>.
/// Immutable and thread-safe (prediction allocates its own buffers). Stored in a model package as a small binary file.
/// </summary>
public sealed class MlpModel
{
    private const string Magic = "CCMLP1";

    internal MlpModel(IReadOnlyList<string> labels, int inputSize, int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
    {
        if (hiddenWeights.Length != hidden * inputSize || hiddenBias.Length != hidden
            || outputWeights.Length != labels.Count * hidden || outputBias.Length != labels.Count)
        {
            throw new InvalidDataException("MLP weights do not match its shape");
        }
        Labels = labels;
        InputSize = inputSize;
        Hidden = hidden;
        HiddenWeights = hiddenWeights;
        HiddenBias = hiddenBias;
        OutputWeights = outputWeights;
        OutputBias = outputBias;
    }

    /// <summary>Labels in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Size of the sentence vector it takes.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    internal float[] HiddenWeights { get; }

    internal float[] HiddenBias { get; }

    internal float[] OutputWeights { get; }

    internal float[] OutputBias { get; }

    /// <summary>Probabilities per label, in <see cref="Labels"/> order; they sum to 1.</summary>
    public double[] Probabilities(ReadOnlySpan<float> vector)
    {
        if (vector.Length != InputSize)
        {
            throw new ArgumentException($"the MLP takes vectors of {InputSize} values, got {vector.Length}", nameof(vector));
        }
        var hidden = new float[Hidden];
        HiddenLayer(vector, hidden);
        var scores = new float[Labels.Count];
        OutputLayer(hidden, scores);
        Softmax(scores);
        return Array.ConvertAll(scores, s => (double)s);
    }

    internal void HiddenLayer(ReadOnlySpan<float> vector, Span<float> hidden)
    {
        for (var j = 0; j < Hidden; j++)
        {
            var z = Dot(HiddenWeights.AsSpan(j * InputSize, InputSize), vector) + HiddenBias[j];
            hidden[j] = z > 0 ? z : 0;
        }
    }

    internal void OutputLayer(ReadOnlySpan<float> hidden, Span<float> scores)
    {
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = Dot(OutputWeights.AsSpan(k * Hidden, Hidden), hidden) + OutputBias[k];
        }
    }

    internal static void Softmax(Span<float> scores)
    {
        var max = float.MinValue;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }
        var sum = 0f;
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = MathF.Exp(scores[k] - max);
            sum += scores[k];
        }
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] /= sum;
        }
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    /// <summary>Writes the model (labels, shape, weights; little-endian floats).</summary>
    public void Save(Stream destination)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(InputSize);
        writer.Write(Hidden);
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }
        foreach (var values in new[] { HiddenWeights, HiddenBias, OutputWeights, OutputBias })
        {
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; anything else (or a truncated file) is <see cref="InvalidDataException"/>.</summary>
    public static MlpModel Load(Stream source)
    {
        try
        {
            return Read(source);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("truncated, or not an MLP model file", ex);
        }
    }

    private static MlpModel Read(Stream source)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not an MLP model file");
        }
        var inputSize = reader.ReadInt32();
        var hidden = reader.ReadInt32();
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }
        float[] Read(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = reader.ReadSingle();
            }
            return values;
        }
        return new MlpModel(labels, inputSize, hidden, Read(hidden * inputSize), Read(hidden), Read(labels.Length * hidden), Read(labels.Length));
    }
}
