using CustomerCases.Persistence.Workflows;

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
}
