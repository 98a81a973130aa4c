using System.IO.Compression;
using System.Text.Json;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using Microsoft.ML;

namespace CustomerCases.Classification.Models;

/// <summary>
/// A model version as one file: a zip holding manifest.json and one ML.NET model zip per label set. One file is easy
/// to copy, to checksum and to store as a blob in the database later.
/// </summary>
public static class ModelPackage
{
    /// <summary>File extension of a model package.</summary>
    public const string Extension = ".ccmodel";

    private const string ManifestEntry = "manifest.json";

    /// <summary>Writes a trained model to <paramref name="destination"/>.</summary>
    public static void Save(TrainedModel model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = ModelManifest.From(model);
        var ml = new MLContext();
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var set in model.LabelSets)
        {
            SaveEntry(archive, ml, ModelManifest.ModelFileName(set.Name), set.Model, set.InputSchema);
            if (set.Refinement is { } refinement)
            {
                SaveEntry(archive, ml, ModelManifest.RefinementFileName(set.Name), refinement.Model, refinement.InputSchema);
            }
        }
        using (var manifestStream = archive.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(manifestStream, manifest, ManifestJson.Options);
        }
    }

    private static void SaveEntry(ZipArchive archive, MLContext ml, string name, ITransformer model, DataViewSchema inputSchema)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
        using var entryStream = entry.Open();
        // ML.NET needs a seekable stream to write its own zip.
        using var buffer = new MemoryStream();
        ml.Model.Save(model, inputSchema, buffer);
        buffer.Position = 0;
        buffer.CopyTo(entryStream);
    }

    /// <summary>Writes a trained model to a file (via a temporary file, so a reader never sees half a package).</summary>
    public static void Save(TrainedModel model, string path)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            Save(model, file);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the manifest.</summary>
    public static ModelManifest ReadManifest(Stream source)
    {
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        return ReadManifest(archive);
    }

    /// <summary>
    /// Loads a package into a model ready to predict. Refinement models are attached only when <paramref name="embedder"/>
    /// is the one they were trained with; otherwise the n-gram models answer alone (the embedder is optional).
    /// </summary>
    public static LoadedModel Load(Stream source, Embeddings.ISentenceEmbedder? embedder = null)
    {
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = ReadManifest(archive);
        if (manifest.FormatVersion > ModelManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException($"model package format {manifest.FormatVersion} is newer than supported {ModelManifest.CurrentFormatVersion}");
        }
        var ml = new MLContext();
        var predictors = new List<LabelSetPredictor>();
        foreach (var set in manifest.LabelSets)
        {
            var transformer = LoadEntry(archive, ml, set.ModelFile, out var inputSchema);
            LabelSetPredictor? refinement = null;
            if (set.Refinement is { } r && embedder is not null && embedder.Id == r.EmbedderId && embedder.Dimension == r.Dimension)
            {
                var refined = LoadEntry(archive, ml, r.ModelFile, out var refinedSchema);
                var blend = r.IntakeWeight > 0 ? new BlendPartner(new LabelSetPredictor(set.Name, ml, transformer, inputSchema, set.Labels, set.Thresholds), r.IntakeWeight) : null;
                refinement = new LabelSetPredictor(set.Name, ml, refined, refinedSchema, r.Labels, r.Thresholds, blend: blend);
            }
            predictors.Add(new LabelSetPredictor(set.Name, ml, transformer, inputSchema, set.Labels, set.Thresholds, refinement));
        }
        return new LoadedModel(manifest, predictors, predictors.Any(p => p.Refinement is not null) ? embedder : null);
    }

    private static ITransformer LoadEntry(ZipArchive archive, MLContext ml, string name, out DataViewSchema inputSchema)
    {
        var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"model package lacks {name}");
        using var buffer = new MemoryStream();
        using (var entryStream = entry.Open())
        {
            entryStream.CopyTo(buffer);
        }
        buffer.Position = 0;
        return ml.Model.Load(buffer, out inputSchema);
    }

    /// <summary>Loads a package file.</summary>
    public static LoadedModel Load(string path, Embeddings.ISentenceEmbedder? embedder = null)
    {
        using var file = File.OpenRead(path);
        return Load(file, embedder);
    }

    private static ModelManifest ReadManifest(ZipArchive archive)
    {
        var entry = archive.GetEntry(ManifestEntry) ?? throw new InvalidDataException("model package lacks manifest.json");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelManifest>(stream, ManifestJson.Options)
            ?? throw new InvalidDataException("empty manifest.json");
    }
}
