using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Sla;

/// <summary>
/// GET /api/reports/sla?from&amp;to&amp;groupBy=queue|priority|category|agent — for targets that started in [from, to):
/// attainment (completed in time ÷ completed), breaches (completed late or open past due), and median / p90 of first
/// response and resolution in business and wall-clock time. Groups use the case's current queue, priority, category
/// and assignee ("agent").
/// </summary>
internal static class SlaReport
{
    internal sealed record Row(string Group, string Metric, int Targets, int Completed, int CompletedInTime, int Breached, int OpenBreached,
        double? AttainmentPercent, double? MedianBusinessSeconds, double? P90BusinessSeconds, double? MedianWallSeconds, double? P90WallSeconds);

    internal sealed record Response(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<Row> Rows);

    private static readonly string[] Groupings = ["queue", "priority", "category", "agent"];

    public static async Task<IResult> HandleAsync(HttpRequest request, CustomerCasesDbContext db, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to,
        string? groupBy, string? format, CancellationToken ct)
    {
        var v = new Validation();
        var now = time.GetUtcNow();
        var (start, end) = (from ?? now.AddDays(-30), to ?? now);
        groupBy = (groupBy ?? "queue").ToLowerInvariant();
        if (!Groupings.Contains(groupBy))
        {
            v.Add("groupBy", $"'{groupBy}' is not one of: {string.Join(", ", Groupings)}.");
        }

        if (end <= start)
        {
            v.Add("to", "must be after from.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var rows = await db.SlaTargets.AsNoTracking().Where(t => t.StartAt >= start && t.StartAt < end && t.Stage != "Cancelled")
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, c) => new
            {
                t.Metric, t.Stage, t.Breached, t.DueAt, t.BusinessElapsedSeconds, t.WallElapsedSeconds,
                c.Queue, Priority = c.Priority, c.Category, c.Assignee,
            }).ToListAsync(ct);
        var result = rows
            .GroupBy(r => (Group: groupBy switch
            {
                "priority" => r.Priority.ToString(),
                "category" => r.Category ?? "(none)",
                "agent" => r.Assignee ?? "(unassigned)",
                _ => r.Queue ?? "(none)",
            }, r.Metric))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Metric, StringComparer.Ordinal)
            .Select(g =>
            {
                var completed = g.Where(r => r.Stage == "Completed").ToList();
                var inTime = completed.Count(r => !r.Breached);
                var openBreached = g.Count(r => r.Stage != "Completed" && (r.Breached || r.DueAt <= now));
                var business = completed.Select(r => r.BusinessElapsedSeconds).Order().ToList();
                var wall = completed.Select(r => r.WallElapsedSeconds).Order().ToList();
                return new Row(g.Key.Group, g.Key.Metric, g.Count(), completed.Count, inTime, completed.Count - inTime + openBreached, openBreached,
                    completed.Count == 0 ? null : Math.Round(100.0 * inTime / completed.Count, 1),
                    Percentile(business, 0.5), Percentile(business, 0.9), Percentile(wall, 0.5), Percentile(wall, 0.9));
            }).ToList();

        if (CsvOutput.Wanted(request, format))
        {
            return CsvOutput.Result("sla-report.csv",
                [groupBy, "metric", "targets", "completed", "completedInTime", "breached", "openBreached", "attainmentPercent",
                 "medianBusinessSeconds", "p90BusinessSeconds", "medianWallSeconds", "p90WallSeconds"],
                result.Select(r => (IReadOnlyList<object?>)[r.Group, r.Metric, r.Targets, r.Completed, r.CompletedInTime, r.Breached, r.OpenBreached,
                    r.AttainmentPercent, r.MedianBusinessSeconds, r.P90BusinessSeconds, r.MedianWallSeconds, r.P90WallSeconds]));
        }

        return Results.Ok(new Response(start, end, groupBy, result));
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
