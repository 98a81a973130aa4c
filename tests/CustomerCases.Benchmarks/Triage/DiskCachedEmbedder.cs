using System.Security.Cryptography;
using System.Text;
using CustomerCases.Classification.Embeddings;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>
/// Benchmark-only: keeps computed sentence vectors on disk (one append-only file per embedder id, keyed by the SHA-256 of
/// each text), so repeated runs on the same data set skip the encoder (~8 ms of CPU per text). Never point it inside the
/// repository: the file holds vectors derived from the data set. Production code does not use it.
/// </summary>
internal sealed class DiskCachedEmbedder : ISentenceEmbedder
{
    private readonly ISentenceEmbedder _inner;
    private readonly string _file;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DiskCachedEmbedder(ISentenceEmbedder inner, string folder)
    {
        _inner = inner;
        Directory.CreateDirectory(folder);
        _file = Path.Combine(folder, string.Concat(inner.Id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".vectors");
        Load();
    }

    public string Id => _inner.Id;

    public int Dimension => _inner.Dimension;

    /// <summary>Vectors read from the cache by the last calls (to tell cache hits from encoder time in reports).</summary>
    public int Hits { get; private set; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var keys = texts.Select(Key).ToArray();
        var result = new float[texts.Count][];
        var missing = new List<int>();
        lock (_gate)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (_vectors.TryGetValue(keys[i], out var v))
                {
                    result[i] = v;
                    Hits++;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }
        if (missing.Count == 0)
        {
            return result;
        }
        var computed = _inner.Embed(missing.Select(i => texts[i]).ToArray(), cancellationToken);
        lock (_gate)
        {
            using var stream = new FileStream(_file, FileMode.Append, FileAccess.Write);
            using var writer = new BinaryWriter(stream);
            for (var m = 0; m < missing.Count; m++)
            {
                var i = missing[m];
                result[i] = computed[m];
                if (_vectors.TryAdd(keys[i], computed[m]))
                {
                    writer.Write(keys[i]);
                    writer.Write(computed[m].Length);
                    foreach (var value in computed[m])
                    {
                        writer.Write(value);
                    }
                }
            }
        }
        return result;
    }

    private void Load()
    {
        if (!File.Exists(_file))
        {
            return;
        }
        long good;
        using (var reader = new BinaryReader(File.OpenRead(_file)))
        {
            good = reader.BaseStream.Position;
            while (reader.BaseStream.Position < reader.BaseStream.Length && TryReadRecord(reader))
            {
                good = reader.BaseStream.Position;
            }
        }
        // A run killed while appending leaves a truncated last record: cut it, so the next appends stay readable.
        using var file = new FileStream(_file, FileMode.Open, FileAccess.Write);
        if (file.Length > good)
        {
            file.SetLength(good);
        }
    }

    private bool TryReadRecord(BinaryReader reader)
    {
        try
        {
            var key = reader.ReadString();
            var length = reader.ReadInt32();
            var vector = new float[length];
            for (var i = 0; i < length; i++)
            {
                vector[i] = reader.ReadSingle();
            }
            if (length == Dimension)
            {
                _vectors[key] = vector;
            }
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)));
}
