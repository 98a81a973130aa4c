using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// Small lookups Studio makes: GET /elsa/api/workflow-definitions/query/count (<c>{count}</c> of definitions) and
/// GET .../validation/is-name-unique?name=&amp;definitionId= (<c>{isUnique}</c>, asked by the "new workflow" dialog).
/// </summary>
internal static class DefinitionQueries
{
    public static async Task<IResult> CountAsync(CustomerCasesDbContext db, CancellationToken ct) =>
        Results.Ok(new { count = await db.WorkflowDefinitions.CountAsync(d => d.IsLatest, ct) });

    public static async Task<IResult> IsNameUniqueAsync(CustomerCasesDbContext db, CancellationToken ct, string? name = null, string? definitionId = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ElsaProblems.BadRequest("name", "is required.");
        }

        var taken = await db.WorkflowDefinitions.AnyAsync(d => d.IsLatest && d.Name == name && d.DefinitionId != definitionId, ct);
        return Results.Ok(new { isUnique = !taken });
    }
}
