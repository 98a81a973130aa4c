using CustomerCases.Classification.Embeddings;

namespace CustomerCases.Classification.Runtime;

/// <summary>
/// The neural network inside a refinement: the refined probabilities become (1 − <see cref="Weight"/>) × the blend's +
/// <see cref="Weight"/> × the network's, both on the same sentence vector. The weight was chosen on validation.
/// </summary>
internal sealed class NeuralMember
{
    public NeuralMember(MlpModel network, double weight)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (weight is <= 0 or > 1 || double.IsNaN(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "network weight must be in (0, 1]");
        }
        Network = network;
        Weight = weight;
    }

    public MlpModel Network { get; }

    public double Weight { get; }

    /// <summary>For each of the refinement's labels, the network's output slot (matched by name, not by position).</summary>
    public int[] SlotsFor(IReadOnlyList<string> labels, string labelSet, int? dimension)
    {
        if (dimension != Network.InputSize)
        {
            throw new InvalidOperationException($"label set '{labelSet}': the network takes {Network.InputSize} values, the refinement {dimension}");
        }
        var index = Network.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        if (index.Count != labels.Count || labels.Any(l => !index.ContainsKey(l)))
        {
            throw new InvalidOperationException($"label set '{labelSet}': the network and the refinement do not have the same labels");
        }
        return labels.Select(l => index[l]).ToArray();
    }

    /// <summary>Mixes the network's answer for <paramref name="embedding"/> into <paramref name="refined"/> (refinement label order).</summary>
    public double[] Mix(double[] refined, int[] slots, float[] embedding)
    {
        var network = Network.Probabilities(embedding);
        var mixed = new double[refined.Length];
        for (var i = 0; i < refined.Length; i++)
        {
            mixed[i] = (1 - Weight) * refined[i] + Weight * network[slots[i]];
        }
        return mixed;
    }
}
