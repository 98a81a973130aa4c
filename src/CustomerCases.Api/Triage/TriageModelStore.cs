using System.Text.Json;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Triage;

/// <summary>Model versions as database rows (package bytes included), so every node runs the active version.</summary>
internal sealed class TriageModelStore(CustomerCasesDbContext db, TimeProvider time, IEnumerable<ISentenceEmbedder> embedders)
{
    public static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    public TriageModelRecord Add(TrainedModel model, string source)
    {
        using var stream = new MemoryStream();
        ModelPackage.Save(model, stream);
        return Add(stream.ToArray(), ModelManifest.From(model), source);
    }

    /// <summary>Stores a packaged model (e.g. one trained by the training worker process).</summary>
    public TriageModelRecord Add(byte[] package, ModelManifest manifest, string source)
    {
        var record = new TriageModelRecord
        {
            VersionId = manifest.VersionId,
            CreatedAt = time.GetUtcNow(),
            Source = source,
            Rows = manifest.Report.Rows,
            ReportJson = JsonSerializer.Serialize(manifest.Report, ReportJson),
            Package = package,
        };
        db.TriageModels.Add(record);
        return record;
    }

    /// <summary>Makes one version the active one (the others are deactivated in the same transaction).</summary>
    public async Task<TriageModelRecord?> ActivateAsync(string versionId, CancellationToken ct)
    {
        var target = db.Tracked<TriageModelRecord>().SingleOrDefault(m => m.VersionId == versionId)
            ?? await db.TriageModels.SingleOrDefaultAsync(m => m.VersionId == versionId, ct);
        if (target is null)
        {
            return null;
        }

        foreach (var active in await db.TriageModels.Where(m => m.IsActive && m.VersionId != versionId).ToListAsync(ct))
        {
            active.IsActive = false;
        }

        target.IsActive = true;
        target.ActivatedAt = time.GetUtcNow();
        return target;
    }

    public Task<string?> ActiveVersionAsync(CancellationToken ct) =>
        db.TriageModels.AsNoTracking().Where(m => m.IsActive).Select(m => m.VersionId).SingleOrDefaultAsync(ct);

    /// <summary>The registered sentence embedder, if any (retraining offers embedding candidates only then).</summary>
    public ISentenceEmbedder? Embedder => embedders.FirstOrDefault();

    /// <summary>The stored package of a version, or null.</summary>
    public Task<byte[]?> PackageAsync(string versionId, CancellationToken ct) =>
        db.TriageModels.AsNoTracking().Where(m => m.VersionId == versionId).Select(m => m.Package).SingleOrDefaultAsync(ct);

    public async Task<LoadedModel?> LoadAsync(string versionId, CancellationToken ct)
    {
        var bytes = await PackageAsync(versionId, ct);
        if (bytes is null)
        {
            return null;
        }

        using var stream = new MemoryStream(bytes);
        // Refinements load only where their embedder is registered; elsewhere the n-gram stage answers alone.
        return ModelPackage.Load(stream, embedders.FirstOrDefault());
    }
}
