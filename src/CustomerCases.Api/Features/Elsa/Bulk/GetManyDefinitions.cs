using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// GET /elsa/api/workflow-definitions/many-by-id?ids=a&amp;ids=b — the full models of the given versions, as Elsa's
/// <c>{items, count}</c>; unknown ids are left out (as in Elsa: this is a lookup, not a command).
/// </summary>
internal static class GetManyDefinitions
{
    public static async Task<IResult> HandleAsync(string[]? ids, CustomerCasesDbContext db, CancellationToken ct)
    {
        if (BulkIds.Check(ids, "ids", out var distinct) is { } problem)
        {
            return problem;
        }

        var records = await db.WorkflowDefinitions.AsNoTracking().Where(d => distinct.Contains(d.Id)).ToListAsync(ct);
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var items = distinct.Where(byId.ContainsKey).Select(id => StoredJson.Model(byId[id].Json)).ToList();
        return StoredJson.List(items);
    }
}
