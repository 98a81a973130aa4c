using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// GET /elsa/api/workflow-definitions — summaries, one per definition by default (versionOptions=Latest), filtered by
/// searchTerm (name, definition id, description) and definitionIds / ids (Studio asks for the published versions of the
/// unpublished rows this way), ordered by Name, Version or Created, paged zero-based like Studio; with Elsa's links.
/// </summary>
internal static class ListDefinitions
{
    public static async Task<IResult> HandleAsync(CustomerCasesDbContext db, CancellationToken ct,
        string? versionOptions = null, string? searchTerm = null, string? orderBy = null, string? orderDirection = null,
        bool? isSystem = null, int? page = null, int? pageSize = null, string[]? definitionIds = null, string[]? ids = null)
    {
        var options = VersionOptions.Parse(versionOptions, "Latest");
        if (options is null)
        {
            return ElsaProblems.BadRequest("versionOptions", $"'{versionOptions}' is not one of {VersionOptions.Accepted}.");
        }

        var paging = new Paging(page, pageSize);
        if (paging.Error is { } error)
        {
            return ElsaProblems.BadRequest("page", error);
        }

        var descending = string.Equals(orderDirection, "Descending", StringComparison.OrdinalIgnoreCase);
        if (orderDirection is not null && !descending && !string.Equals(orderDirection, "Ascending", StringComparison.OrdinalIgnoreCase))
        {
            return ElsaProblems.BadRequest("orderDirection", "must be Ascending or Descending.");
        }

        var query = options.Filter(db.WorkflowDefinitions.AsNoTracking());
        if (isSystem == true)
        {
            query = query.Where(_ => false); // Elsa hides its own system workflows; we have none
        }

        if (definitionIds is { Length: > 0 })
        {
            query = query.Where(d => definitionIds.Contains(d.DefinitionId));
        }

        if (ids is { Length: > 0 })
        {
            query = query.Where(d => ids.Contains(d.Id));
        }

        if (!string.IsNullOrWhiteSpace(searchTerm))
        {
            var pattern = $"%{searchTerm.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(d => EF.Functions.Like(d.Name.ToLower(), pattern) || EF.Functions.Like(d.DefinitionId.ToLower(), pattern)
                || (d.Description != null && EF.Functions.Like(d.Description.ToLower(), pattern)));
        }

        query = (orderBy?.ToUpperInvariant(), descending) switch
        {
            ("VERSION", false) => query.OrderBy(d => d.Version).ThenBy(d => d.DefinitionId),
            ("VERSION", true) => query.OrderByDescending(d => d.Version).ThenBy(d => d.DefinitionId),
            ("CREATED" or "CREATEDAT", false) => query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
            ("CREATED" or "CREATEDAT", true) => query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id),
            (_, false) => query.OrderBy(d => d.Name).ThenBy(d => d.DefinitionId).ThenBy(d => d.Version),
            (_, true) => query.OrderByDescending(d => d.Name).ThenBy(d => d.DefinitionId).ThenBy(d => d.Version),
        };

        var total = await query.CountAsync(ct);
        var items = await paging.Apply(query).ToListAsync(ct);
        return Results.Ok(new LinkedPagedList<DefinitionSummary>(items.Select(DefinitionSummary.From).ToList(), total, DefinitionLinks.ForList()));
    }
}
