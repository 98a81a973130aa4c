using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Sla;

/// <summary>
/// GET /api/sla/breaches (open targets past their due time) and GET /api/sla/at-risk (open targets not yet breached,
/// nearest breach first, with the projected breach time). Read from the stored snapshots, which every case change and
/// every SLA timer rewrites; "breached" is judged against now, so a target past due is listed even before its timer fired.
/// </summary>
internal static class SlaTargetLists
{
    internal sealed record Item(Guid CaseId, string CaseNumber, string Subject, string Status, string Priority, string? Queue, string? Assignee,
        string Metric, int Cycle, string Stage, string PolicyId, DateTimeOffset StartAt, DateTimeOffset DueAt, DateTimeOffset ProjectedBreachAt,
        double SecondsToBreach, double BusinessElapsedSeconds, double TargetBusinessSeconds);

    public static async Task<IResult> BreachesAsync(CustomerCasesDbContext db, TimeProvider time, int? limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await Open(db).Where(x => x.Target.Breached || (x.Target.Stage == "InProgress" && x.Target.DueAt <= now))
            .OrderBy(x => x.Target.DueAt).Take(Math.Clamp(limit ?? 200, 1, 1000)).ToListAsync(ct);
        return Results.Ok(rows.Select(x => ToItem(x.Target, x.Case, now)).ToList());
    }

    public static async Task<IResult> AtRiskAsync(CustomerCasesDbContext db, TimeProvider time, int? limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await Open(db).Where(x => x.Target.Stage == "InProgress" && !x.Target.Breached && x.Target.DueAt > now)
            .OrderBy(x => x.Target.DueAt).Take(Math.Clamp(limit ?? 200, 1, 1000)).ToListAsync(ct);
        return Results.Ok(rows.Select(x => ToItem(x.Target, x.Case, now)).ToList());
    }

    private static IQueryable<Row> Open(CustomerCasesDbContext db) =>
        db.SlaTargets.AsNoTracking().Where(t => t.Stage == "InProgress" || t.Stage == "Paused")
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, c) => new Row { Target = t, Case = c });

    private static Item ToItem(SlaTargetRecord t, Domain.Cases.Case c, DateTimeOffset now) =>
        new(c.Id, c.Reference, c.Subject, c.Status.ToString(), c.Priority.ToString(), c.Queue, c.Assignee, t.Metric, t.Cycle, t.Stage, t.PolicyId,
            t.StartAt, t.DueAt, t.DueAt, (t.DueAt - now).TotalSeconds, t.BusinessElapsedSeconds, t.TargetBusinessSeconds);

    internal sealed class Row
    {
        public required SlaTargetRecord Target { get; init; }

        public required Domain.Cases.Case Case { get; init; }
    }
}
