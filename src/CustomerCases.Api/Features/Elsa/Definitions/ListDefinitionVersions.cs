using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>GET /elsa/api/workflow-definitions/{definitionId}/versions — every version, newest first.</summary>
internal static class ListDefinitionVersions
{
    public static async Task<IResult> HandleAsync(string definitionId, CustomerCasesDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var paging = new Paging(page, pageSize);
        if (paging.Error is { } error)
        {
            return ElsaProblems.BadRequest("page", error);
        }

        var query = db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version);
        var total = await query.CountAsync(ct);
        if (total == 0)
        {
            return ElsaProblems.DefinitionNotFound(definitionId);
        }

        var items = await paging.Apply(query).ToListAsync(ct);
        return Results.Ok(new PagedList<DefinitionSummary>(items.Select(DefinitionSummary.From).ToList(), total));
    }
}
