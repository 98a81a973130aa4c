using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Sla;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Sla;

/// <summary>
/// GET /api/cases/{id}/sla — every target of the case computed now from its history (not the stored snapshot, so it
/// is exact to the second): due, remaining, elapsed, pauses and how the due time came about.
/// </summary>
internal static class GetCaseSla
{
    internal sealed record PauseResponse(DateTimeOffset Start, DateTimeOffset? End, string Status, double BusinessSeconds);

    internal sealed record WarningResponse(double Fraction, DateTimeOffset At);

    internal sealed record TargetResponse(string Metric, int Cycle, string Stage, bool Breached, DateTimeOffset StartAt, DateTimeOffset DueAt,
        DateTimeOffset OriginalDueAt, DateTimeOffset? CompletedAt, double TargetBusinessSeconds, double BusinessElapsedSeconds,
        double BusinessRemainingSeconds, double WallElapsedSeconds, double PausedBusinessSeconds, double PausedWallSeconds, double WallRemainingSeconds,
        IReadOnlyList<WarningResponse> Warnings, IReadOnlyList<PauseResponse> Pauses, string Explanation, IReadOnlyList<string> ExplanationSteps);

    internal sealed record Response(Guid CaseId, string? PolicyId, int? PolicyVersion, string? CalendarId, int? CalendarVersion,
        DateTimeOffset ComputedAt, IReadOnlyList<TargetResponse> Targets, string? Note);

    public static async Task<IResult> HandleAsync(Guid id, CustomerCasesDbContext db, SlaCatalog catalog, SlaCalendarHistory calendars, TimeProvider time,
        CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.History).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return ApiProblems.NotFound("Case", id);
        }

        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == c.CustomerId, ct);
        var set = await catalog.GetAsync(db, ct);
        var now = time.GetUtcNow();
        if (set.Select(catalog.Conditions, SlaCaseSnapshot.From(c, customer)) is not { } selected)
        {
            return Results.Ok(new Response(id, null, null, null, null, now, [], "No SLA policy applies to this case."));
        }

        var stored = await db.SlaTargets.AsNoTracking().Where(t => t.CaseId == id).ToListAsync(ct);
        var clock = await calendars.ClockAsync(db, c, selected.Calendar, stored, record: false, now, ct);
        var states = SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, c.History), selected.Policy, clock, now);
        var targets = states.Select(s =>
        {
            var original = stored.FirstOrDefault(t => t.Metric == s.Metric.ToString() && t.Cycle == s.Cycle)?.OriginalDueAt ?? s.OriginalDueAt;
            return new TargetResponse(s.Metric.ToString(), s.Cycle, s.Stage.ToString(), s.Breached, s.StartAt, s.DueAt, original, s.CompletedAt,
                s.TargetBusinessTime.TotalSeconds, s.BusinessElapsed.TotalSeconds, s.BusinessRemaining.TotalSeconds, s.WallElapsed.TotalSeconds,
                s.PausedBusinessTime.TotalSeconds, s.PausedWallTime.TotalSeconds, s.IsOpen ? (s.DueAt - now).TotalSeconds : 0,
                s.Warnings.Select(w => new WarningResponse(w.Fraction, w.At)).ToList(),
                s.Pauses.Select(p => new PauseResponse(p.Start, p.End, p.Status.ToString(), p.BusinessTime.TotalSeconds)).ToList(),
                string.Join(" ", s.Explanation), s.Explanation);
        }).ToList();
        return Results.Ok(new Response(id, selected.Policy.Id, selected.Policy.Version, selected.Calendar.Id, selected.Calendar.Version, now, targets, null));
    }
}
