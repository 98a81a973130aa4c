using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>Elsa's <c>versionOptions</c>: Latest, Published, LatestOrPublished, LatestAndPublished, Draft, All, or a version number.</summary>
internal sealed record VersionOptions(string Text, Func<IQueryable<WorkflowDefinitionRecord>, IQueryable<WorkflowDefinitionRecord>> Filter)
{
    public const string Accepted = "Latest, Published, LatestOrPublished, LatestAndPublished, Draft, All (AllVersions) or a version number";

    public static VersionOptions? Parse(string? text, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        Func<IQueryable<WorkflowDefinitionRecord>, IQueryable<WorkflowDefinitionRecord>>? filter = value.ToUpperInvariant() switch
        {
            "LATEST" => q => q.Where(d => d.IsLatest),
            "PUBLISHED" => q => q.Where(d => d.IsPublished),
            // The latest version always exists, so "latest, else published" is the latest version.
            "LATESTORPUBLISHED" => q => q.Where(d => d.IsLatest),
            "LATESTANDPUBLISHED" => q => q.Where(d => d.IsLatest && d.IsPublished),
            "DRAFT" => q => q.Where(d => d.IsLatest && !d.IsPublished),
            "ALL" or "ALLVERSIONS" => q => q,
            _ when int.TryParse(value, out var number) && number > 0 => q => q.Where(d => d.Version == number),
            _ => null,
        };
        return filter is null ? null : new VersionOptions(value, filter);
    }

    /// <summary>The newest version of <paramref name="definitionId"/> that these options select; null when none.</summary>
    public Task<WorkflowDefinitionRecord?> NewestAsync(CustomerCasesDbContext db, string definitionId, CancellationToken ct) =>
        Filter(db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    /// <summary>The same version, parsed to run (execute, activity tests).</summary>
    public async Task<RunnableVersion?> RunnableAsync(CustomerCasesDbContext db, RunnableVersions versions, string definitionId, CancellationToken ct)
    {
        if (Text.Equals("Published", StringComparison.OrdinalIgnoreCase))
        {
            // The default of execute, and its hot path: a compiled query for the version's identity; the parsed graph is cached.
            return await versions.FindPublishedAsync(definitionId, ct);
        }

        return await NewestAsync(db, definitionId, ct) is { } record ? versions.From(record) : null;
    }
}
