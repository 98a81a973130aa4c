using System.Collections.Concurrent;
using System.Text.Json;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// The current calendars and policies (latest version of each), cached in memory. Another node may publish a new
/// version, so the cache is checked against the table at most every few seconds (a count, not a reload).
/// </summary>
internal sealed class SlaCatalog(SlaConditions conditions, TimeProvider time)
{
    private static readonly TimeSpan FreshnessInterval = TimeSpan.FromSeconds(5);
    private volatile SlaDefinitionSet _current = SlaDefinitionSet.Empty;
    private int _loadedCount = -1;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private readonly ConcurrentDictionary<(string Id, int Version), BusinessCalendar> _versions = new();

    public SlaDefinitionSet Current => _current;

    public SlaConditions Conditions => conditions;

    public async Task<SlaDefinitionSet> GetAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _checkedAt >= FreshnessInterval || _loadedCount < 0)
        {
            _checkedAt = now;
            var count = await db.SlaDefinitions.CountAsync(ct);
            if (count != _loadedCount)
            {
                await ReloadAsync(db, ct);
            }
        }

        return _current;
    }

    public async Task ReloadAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        var rows = await db.SlaDefinitions.AsNoTracking().ToListAsync(ct);
        var latest = rows.GroupBy(r => (r.Kind, r.Id)).Select(g => g.MaxBy(r => r.Version)!).ToList();
        var errors = new List<string>();
        _current = SlaDefinitionSet.FromJson(
            latest.Where(r => r.Kind == SlaDefinitionRecord.CalendarKind).Select(r => (r.Json, r.Version)),
            latest.Where(r => r.Kind == SlaDefinitionRecord.PolicyKind).Select(r => (r.Json, r.Version)),
            errors);
        _loadedCount = rows.Count;
    }

    /// <summary>One version of a calendar (versions never change, so they are cached); null when it is not stored.</summary>
    public async Task<BusinessCalendar?> CalendarVersionAsync(CustomerCasesDbContext db, string id, int version, CancellationToken ct)
    {
        if (id == BusinessCalendar.AlwaysOpenId)
        {
            return BusinessCalendar.AlwaysOpen;
        }

        if (_current.Calendars.TryGetValue(id, out var current) && current.Version == version)
        {
            return current;
        }

        if (_versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        var row = await db.SlaDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Kind == SlaDefinitionRecord.CalendarKind && d.Id == id && d.Version == version, ct);
        if (row is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(row.Json);
        var calendar = SlaDefinitionReader.ReadCalendar(doc.RootElement, version, []);
        return calendar is null ? null : _versions.GetOrAdd((id, version), calendar);
    }
}
