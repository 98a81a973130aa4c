using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Promotion;

/// <summary>
/// The rows every model version leaves out of its training so that the promotion rule can compare two versions on text
/// neither has seen. A row is held back by a hash of its text, not by a seeded shuffle: the same row stays held back
/// when agents' labels are added, so last month's model and today's candidate are scored on rows both never trained
/// on. (With a shuffle per retraining the starter model had trained on every evaluation row, scored 1.0, and no
/// retrained model could ever be promoted over it.)
/// </summary>
public static class EvaluationHoldout
{
    /// <summary>Whether <paramref name="text"/> belongs to the held-back share <paramref name="fraction"/> (0 → none).</summary>
    public static bool IsHeldBack(string text, double fraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (fraction <= 0)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ToLowerInvariant()), hash);
        return BinaryPrimitives.ReadUInt32LittleEndian(hash) < fraction * uint.MaxValue;
    }

    /// <summary>Splits <paramref name="data"/> into the rows to train on and the held-back rows to evaluate on.</summary>
    public static (LabelledDataset Training, LabelledDataset Evaluation) Split(LabelledDataset data, double fraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        var training = new List<int>();
        var evaluation = new List<int>();
        for (var i = 0; i < data.Rows.Count; i++)
        {
            (IsHeldBack(data.Rows[i].Text, fraction) ? evaluation : training).Add(i);
        }

        return (data.Subset(training), data.Subset(evaluation, "held-back evaluation set"));
    }
}
