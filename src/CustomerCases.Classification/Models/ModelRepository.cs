using System.Security.Cryptography;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Models;

/// <summary>
/// Model versions as files in one folder (<c>&lt;versionId&gt;.ccmodel</c>) plus <c>active.txt</c> naming the active one.
/// Writes go through temporary files and renames, so a crash never leaves a half-written package or pointer.
/// </summary>
public sealed class ModelRepository
{
    private const string ActivePointer = "active.txt";
    private readonly Lock _writeLock = new();

    /// <summary>Creates (if needed) and uses <paramref name="folder"/>.</summary>
    public ModelRepository(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Folder { get; }

    /// <summary>Id of the active version, or null when none was activated.</summary>
    public string? ActiveVersionId
    {
        get
        {
            var pointer = Path.Combine(Folder, ActivePointer);
            if (!File.Exists(pointer))
            {
                return null;
            }
            var id = File.ReadAllText(pointer).Trim();
            return id.Length == 0 ? null : id;
        }
    }

    /// <summary>Saves a trained model as a new version (not yet active).</summary>
    public ModelVersionRecord Save(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelPackage.Save(model, PathOf(model.VersionId));
        return Describe(model.VersionId);
    }

    /// <summary>Makes a saved version the active one.</summary>
    public void Activate(string versionId)
    {
        if (!File.Exists(PathOf(versionId)))
        {
            throw new FileNotFoundException($"no model version '{versionId}' in {Folder}");
        }
        lock (_writeLock)
        {
            var pointer = Path.Combine(Folder, ActivePointer);
            var temporary = pointer + ".tmp";
            File.WriteAllText(temporary, versionId);
            File.Move(temporary, pointer, overwrite: true);
        }
    }

    /// <summary>Loads a version, ready to predict.</summary>
    public LoadedModel Load(string versionId) => ModelPackage.Load(PathOf(versionId));

    /// <summary>Loads the active version, or null when there is none.</summary>
    public LoadedModel? LoadActive() => ActiveVersionId is { } id ? Load(id) : null;

    /// <summary>Reads a version's manifest without loading the models.</summary>
    public ModelManifest ReadManifest(string versionId)
    {
        using var file = File.OpenRead(PathOf(versionId));
        return ModelPackage.ReadManifest(file);
    }

    /// <summary>All saved versions, newest first.</summary>
    public IReadOnlyList<ModelVersionRecord> List() =>
        Directory.EnumerateFiles(Folder, "*" + ModelPackage.Extension)
            .Select(f => Describe(Path.GetFileNameWithoutExtension(f)))
            .OrderByDescending(r => r.CreatedAt)
            .ToList();

    /// <summary>The host's record for a version (checksum, size, summary).</summary>
    public ModelVersionRecord Describe(string versionId)
    {
        var path = PathOf(versionId);
        var manifest = ReadManifest(versionId);
        string sha;
        using (var file = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }
        var f1 = manifest.LabelSets.ToDictionary(s => s.Name, s => s.ValidationMetrics.MacroF1, StringComparer.OrdinalIgnoreCase);
        return new ModelVersionRecord(manifest.VersionId, manifest.CreatedAt, Path.GetFileName(path), new FileInfo(path).Length, sha,
            manifest.TrainingData.Source, manifest.TrainingData.Rows, f1, string.Equals(ActiveVersionId, versionId, StringComparison.Ordinal));
    }

    private string PathOf(string versionId)
    {
        // Version ids become file names: refuse anything that could leave the folder.
        if (string.IsNullOrWhiteSpace(versionId) || versionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || versionId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"invalid model version id '{versionId}'", nameof(versionId));
        }
        return Path.Combine(Folder, versionId + ModelPackage.Extension);
    }
}
