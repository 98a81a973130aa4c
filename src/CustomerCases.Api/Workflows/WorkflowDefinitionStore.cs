using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// Definition versions as Elsa keeps them: a new definition is v1 draft and latest; saving over a published version
/// makes a new draft; saving a draft again keeps its number; publishing validates (every error at once), moves the
/// published flag and re-indexes triggers. Importing content identical to the latest version creates nothing.
/// Callers save and commit.
/// </summary>
internal sealed class WorkflowDefinitionStore(CustomerCasesDbContext db, DefinitionCache cache, WorkflowDefinitionValidator validator,
    WorkflowEngine engine, TimeProvider time)
{
    public async Task<SaveOutcome> SaveAsync(string json, string source, bool publish, CancellationToken ct)
    {
        var document = DefinitionContent.Parse(json);
        var parsed = WorkflowDefinitionReader.Read(document.ToJsonString()); // refuses Elsa 2 and non-workflows
        var definitionId = string.IsNullOrWhiteSpace(parsed.DefinitionId) ? Guid.NewGuid().ToString("N")[..16] : parsed.DefinitionId;
        var hash = DefinitionContent.Hash(document);
        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(ct);
        var latest = versions.SingleOrDefault(v => v.IsLatest);
        var now = time.GetUtcNow();
        WorkflowDefinitionRecord record;
        var created = false;
        if (latest is not null && latest.ContentHash == hash)
        {
            record = latest;
        }
        else if (latest is { IsPublished: false })
        {
            record = latest;
            record.Json = DefinitionContent.Stamp(document, record.Id, definitionId, record.Version, true, false, record.CreatedAt);
            record.ContentHash = hash;
            record.Name = parsed.Name;
            record.UpdatedAt = now;
        }
        else
        {
            if (latest is not null)
            {
                latest.IsLatest = false;
                latest.Json = DefinitionContent.WithFlags(latest.Json, false, latest.IsPublished);
            }

            var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
            var id = Guid.NewGuid().ToString("N");
            record = new WorkflowDefinitionRecord
            {
                Id = id,
                DefinitionId = definitionId,
                Version = version,
                Name = string.IsNullOrWhiteSpace(parsed.Name) ? definitionId : parsed.Name,
                Description = document["description"]?.GetValue<string>(),
                IsLatest = true,
                IsPublished = false,
                Json = DefinitionContent.Stamp(document, id, definitionId, version, true, false, now),
                ContentHash = hash,
                Source = source,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.WorkflowDefinitions.Add(record);
            created = true;
        }

        var report = validator.Validate(Parse(record));
        if (publish && !record.IsPublished)
        {
            if (!report.IsValid)
            {
                return new SaveOutcome(record, created, report, Published: false);
            }

            Publish(record, versions.Where(v => v != record), now);
        }

        return new SaveOutcome(record, created, report, record.IsPublished);
    }

    public async Task<SaveOutcome?> PublishAsync(string definitionId, CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(ct);
        var latest = versions.SingleOrDefault(v => v.IsLatest);
        if (latest is null)
        {
            return null;
        }

        var report = validator.Validate(Parse(latest));
        if (report.IsValid && !latest.IsPublished)
        {
            Publish(latest, versions.Where(v => v != latest), time.GetUtcNow());
        }

        return new SaveOutcome(latest, false, report, report.IsValid);
    }

    public async Task<WorkflowDefinitionRecord?> RetractAsync(string definitionId, CancellationToken ct)
    {
        var published = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, ct);
        if (published is null)
        {
            return null;
        }

        published.IsPublished = false;
        published.Json = DefinitionContent.WithFlags(published.Json, published.IsLatest, false);
        await db.WorkflowTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(ct);
        return published;
    }

    public WorkflowDefinition Parse(WorkflowDefinitionRecord record) => cache.Get(record.Id, record.ContentHash, record.Json);

    /// <summary>A version by id, including one staged but not yet saved in this unit of work.</summary>
    public async Task<WorkflowDefinitionRecord?> FindVersionAsync(string versionId, CancellationToken ct) =>
        db.Tracked<WorkflowDefinitionRecord>().SingleOrDefault(d => d.Id == versionId)
            ?? await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Id == versionId, ct);

    /// <summary>Elsa's versionOptions: Published (default for running), Latest, LatestOrPublished, or a version number.</summary>
    public async Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, string? versionOptions, CancellationToken ct)
    {
        var query = db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId);
        return (versionOptions ?? "Published").Trim() switch
        {
            var v when v.Equals("Latest", StringComparison.OrdinalIgnoreCase) => await query.SingleOrDefaultAsync(d => d.IsLatest, ct),
            var v when v.Equals("LatestOrPublished", StringComparison.OrdinalIgnoreCase) =>
                await query.SingleOrDefaultAsync(d => d.IsLatest, ct) ?? await query.SingleOrDefaultAsync(d => d.IsPublished, ct),
            var v when int.TryParse(v, out var number) => await query.SingleOrDefaultAsync(d => d.Version == number, ct),
            var v when v.Equals("All", StringComparison.OrdinalIgnoreCase) => await query.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct),
            _ => await query.SingleOrDefaultAsync(d => d.IsPublished, ct),
        };
    }

    private void Publish(WorkflowDefinitionRecord record, IEnumerable<WorkflowDefinitionRecord> others, DateTimeOffset now)
    {
        foreach (var other in others.Where(o => o.IsPublished))
        {
            other.IsPublished = false;
            other.Json = DefinitionContent.WithFlags(other.Json, other.IsLatest, false);
        }

        record.IsPublished = true;
        record.UpdatedAt = now;
        record.Json = DefinitionContent.WithFlags(record.Json, record.IsLatest, true);
        db.WorkflowTriggers.RemoveRange(db.Tracked<WorkflowTriggerRecord>().Where(t => t.DefinitionId == record.DefinitionId));
        db.WorkflowTriggers.Where(t => t.DefinitionId == record.DefinitionId).ExecuteDelete();
        foreach (var trigger in engine.GetTriggers(Parse(record)))
        {
            db.WorkflowTriggers.Add(new WorkflowTriggerRecord
            {
                DefinitionId = record.DefinitionId,
                DefinitionVersionId = record.Id,
                ActivityId = trigger.ActivityId,
                ActivityType = trigger.ActivityType,
                Name = trigger.Name,
                Hash = trigger.Hash,
                PayloadJson = trigger.Payload?.ToJsonString(),
            });
        }
    }
}

internal sealed record SaveOutcome(WorkflowDefinitionRecord Record, bool Created, ValidationReport Report, bool Published);
