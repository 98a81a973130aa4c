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
            var entry = archive.CreateEntry(ModelManifest.ModelFileName(set.Name), CompressionLevel.NoCompression);
            using var entryStream = entry.Open();
            // ML.NET needs a seekable stream to write its own zip.
            using var buffer = new MemoryStream();
            ml.Model.Save(set.Model, set.InputSchema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entryStream);
        }
        using (var manifestStream = archive.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(manifestStream, manifest, ManifestJson.Options);
        }
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

    /// <summary>Loads a package into a model ready to predict.</summary>
    public static LoadedModel Load(Stream source)
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
            var entry = archive.GetEntry(set.ModelFile) ?? throw new InvalidDataException($"model package lacks {set.ModelFile}");
            using var buffer = new MemoryStream();
            using (var entryStream = entry.Open())
            {
                entryStream.CopyTo(buffer);
            }
            buffer.Position = 0;
            var transformer = ml.Model.Load(buffer, out var inputSchema);
            predictors.Add(new LabelSetPredictor(set.Name, ml, transformer, inputSchema, set.Labels, set.Thresholds));
        }
        return new LoadedModel(manifest, predictors);
    }

    /// <summary>Loads a package file.</summary>
    public static LoadedModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static ModelManifest ReadManifest(ZipArchive archive)
    {
        var entry = archive.GetEntry(ManifestEntry) ?? throw new InvalidDataException("model package lacks manifest.json");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelManifest>(stream, ManifestJson.Options)
            ?? throw new InvalidDataException("empty manifest.json");
    }
}
