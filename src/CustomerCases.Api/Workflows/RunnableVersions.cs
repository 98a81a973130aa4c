using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>A definition version as the runtime needs it: its identity and its parsed graph.</summary>
internal sealed record RunnableVersion(string Id, string DefinitionId, int Version, WorkflowDefinition Definition);

/// <summary>
/// Finds versions for running without loading their JSON on every start or resume: a small compiled query reads the
/// version's identity and content hash and the parsed graph comes from the <see cref="DefinitionCache"/>; the JSON is
/// read only on a cache miss (first use in this process, or a draft whose content changed).
/// </summary>
internal sealed class RunnableVersions(CustomerCasesDbContext db, DefinitionCache cache)
{
    private sealed record Head(string Id, string DefinitionId, int Version, string ContentHash);

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, Task<Head?>>> HeadById = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string id) => db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new Head(d.Id, d.DefinitionId, d.Version, d.ContentHash))
            .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, Task<Head?>>> PublishedHead = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string definitionId) => db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .Select(d => new Head(d.Id, d.DefinitionId, d.Version, d.ContentHash))
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, Task<string?>>> JsonById = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string id) => db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Json).SingleOrDefault()));

    public async Task<RunnableVersion?> FindAsync(string versionId, CancellationToken ct)
    {
        // A version staged in this unit of work (published a moment ago, not yet saved) is not in the database yet.
        if (db.Tracked<WorkflowDefinitionRecord>().SingleOrDefault(d => d.Id == versionId) is { } staged)
        {
            return From(staged);
        }

        ct.ThrowIfCancellationRequested();
        return await ParseAsync(await HeadById.For(db)(db, versionId));
    }

    /// <summary>The published version of a definition (what <c>execute</c> runs by default).</summary>
    public async Task<RunnableVersion?> FindPublishedAsync(string definitionId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return await ParseAsync(await PublishedHead.For(db)(db, definitionId));
    }

    public RunnableVersion From(WorkflowDefinitionRecord record) =>
        new(record.Id, record.DefinitionId, record.Version, cache.Get(record.Id, record.ContentHash, record.Json));

    private async Task<RunnableVersion?> ParseAsync(Head? head)
    {
        if (head is null)
        {
            return null;
        }

        var parsed = cache.Find(head.Id, head.ContentHash);
        if (parsed is null)
        {
            var json = await JsonById.For(db)(db, head.Id);
            if (json is null)
            {
                return null; // deleted between the two reads
            }

            parsed = cache.Get(head.Id, head.ContentHash, json);
        }

        return new RunnableVersion(head.Id, head.DefinitionId, head.Version, parsed);
    }
}
