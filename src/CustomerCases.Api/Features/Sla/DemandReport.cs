using System.Globalization;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Sla;

/// <summary>
/// GET /api/reports/demand?from&amp;to&amp;interval=day|week|month — requests per category per interval (UTC days, ISO
/// weeks starting Monday, calendar months), the fastest-growing categories (second half of the period against the first) and the average time
/// to resolve per category (cases created in the period and resolved).
/// </summary>
internal static class DemandReport
{
    internal sealed record Bucket(DateTimeOffset Start, string Category, int Requests);

    internal sealed record Growth(string Category, int FirstHalf, int SecondHalf, double GrowthPercent);

    internal sealed record Resolution(string Category, int Resolved, double AverageHoursToResolve);

    internal sealed record Response(DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<Bucket> Requests,
        IReadOnlyList<Growth> FastestGrowing, IReadOnlyList<Resolution> TimeToResolve);

    public static async Task<IResult> HandleAsync(HttpRequest request, CustomerCasesDbContext db, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to,
        string? interval, string? format, CancellationToken ct)
    {
        var v = new Validation();
        var now = time.GetUtcNow();
        var (start, end) = (from ?? now.AddDays(-28), to ?? now);
        interval = (interval ?? "day").ToLowerInvariant();
        if (interval is not ("day" or "week" or "month"))
        {
            v.Add("interval", $"'{interval}' is not one of: day, week, month.");
        }

        if (end <= start)
        {
            v.Add("to", "must be after from.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.CreatedAt >= start && c.CreatedAt < end)
            .Select(c => new { c.Category, c.CreatedAt, c.ResolvedAt }).ToListAsync(ct);
        var buckets = cases.GroupBy(c => (Start: BucketStart(c.CreatedAt, interval), Category: c.Category ?? "(none)"))
            .Select(g => new Bucket(g.Key.Start, g.Key.Category, g.Count()))
            .OrderBy(b => b.Start).ThenBy(b => b.Category, StringComparer.Ordinal).ToList();
        var middle = start + (end - start) / 2;
        var growth = cases.GroupBy(c => c.Category ?? "(none)")
            .Select(g =>
            {
                var first = g.Count(c => c.CreatedAt < middle);
                var second = g.Count() - first;
                return new Growth(g.Key, first, second, Math.Round(100.0 * (second - first) / Math.Max(first, 1), 1));
            })
            .OrderByDescending(x => x.GrowthPercent).ThenByDescending(x => x.SecondHalf).ThenBy(x => x.Category, StringComparer.Ordinal).ToList();
        var resolve = cases.Where(c => c.ResolvedAt is not null).GroupBy(c => c.Category ?? "(none)")
            .Select(g => new Resolution(g.Key, g.Count(), Math.Round(g.Average(c => (c.ResolvedAt!.Value - c.CreatedAt).TotalHours), 2)))
            .OrderBy(x => x.Category, StringComparer.Ordinal).ToList();

        if (CsvOutput.Wanted(request, format))
        {
            // One table: the per-interval counts, with each category's growth and time to resolve repeated beside them.
            return CsvOutput.Result("demand-report.csv", ["intervalStart", "category", "requests", "growthPercent", "averageHoursToResolve"],
                buckets.Select(b => (IReadOnlyList<object?>)[b.Start, b.Category, b.Requests,
                    growth.FirstOrDefault(g => g.Category == b.Category)?.GrowthPercent,
                    resolve.FirstOrDefault(r => r.Category == b.Category)?.AverageHoursToResolve]));
        }

        return Results.Ok(new Response(start, end, interval, buckets, growth.Take(5).ToList(), resolve));
    }

    private static DateTimeOffset BucketStart(DateTimeOffset t, string interval)
    {
        var day = new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero);
        return interval switch
        {
            "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            "month" => day.AddDays(1 - day.Day),
            _ => day,
        };
    }

    internal static string Format(DateTimeOffset t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
