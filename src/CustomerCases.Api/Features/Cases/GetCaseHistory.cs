using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>GET /api/cases/{id}/history — every recorded change, oldest first.</summary>
internal static class GetCaseHistory
{
    internal sealed record Entry(int Sequence, CaseHistoryKind Kind, DateTimeOffset OccurredAt, string ActorKind, string ActorId,
        string? ActorName, string? Field, string? OldValue, string? NewValue, string? Reason);

    public static async Task<IResult> HandleAsync(Guid id, CustomerCasesDbContext db, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct))
        {
            return ApiProblems.NotFound("Case", id);
        }

        var entries = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
        return Results.Ok(entries.Select(h => new Entry(h.Sequence, h.Kind, h.OccurredAt, h.ActorKind.ToString(), h.ActorId,
            h.ActorName, h.Field, h.OldValue, h.NewValue, h.Reason)));
    }
}
