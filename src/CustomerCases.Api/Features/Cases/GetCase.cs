using System.Security.Claims;
using CustomerCases.Api.Features.Agents;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>GET /api/cases/{id} — the case with its messages; the ETag is the version for If-Match on PATCH.</summary>
internal static class GetCase
{
    public static async Task<IResult> HandleAsync(Guid id, HttpContext http, ClaimsPrincipal user, CustomerCasesDbContext db, CancellationToken ct)
    {
        var visible = await CaseVisibility.FilterAsync(user, db, ct) is { } filter ? db.Cases.Where(filter) : db.Cases;
        var found = await visible.AsNoTracking().Include(c => c.Messages)
            .Where(c => c.Id == id)
            .Join(db.Customers, c => c.CustomerId, cu => cu.Id, (c, cu) => new { Case = c, Customer = cu })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return ApiProblems.NotFound("Case", id);
        }

        http.Response.Headers.ETag = $"\"{found.Case.Version}\"";
        return Results.Ok(CaseResponse.From(found.Case, found.Customer, withMessages: true));
    }
}
