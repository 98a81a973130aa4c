using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Domain.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Validates and stores calendar and policy versions. A change is checked together with everything else that is
/// current (a policy naming a calendar that does not exist, two policies with the same order, a policy that can never
/// apply), and every error is reported at once. Unchanged JSON creates no version.
/// </summary>
internal sealed class SlaDefinitionStore(CustomerCasesDbContext db, SlaCatalog catalog, TimeProvider time)
{
    internal sealed record Outcome(IReadOnlyList<string> Errors, SlaDefinitionRecord? Record, bool Created);

    public async Task<Outcome> SaveAsync(string kind, string id, JsonElement json, string source, CancellationToken ct)
    {
        var errors = new List<string>();
        json = WithAddressId(json, id);
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var bodyId) && bodyId.ValueKind == JsonValueKind.String && bodyId.GetString() != id)
        {
            errors.Add($"id: '{bodyId.GetString()}' differs from '{id}' in the address.");
        }

        if (kind == SlaDefinitionRecord.CalendarKind && id == BusinessCalendar.AlwaysOpenId)
        {
            errors.Add($"id: '{BusinessCalendar.AlwaysOpenId}' is the built-in always-open calendar and cannot be changed.");
        }

        var latest = await db.SlaDefinitions.AsNoTracking().Where(d => d.Kind == kind && d.Id == id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        var version = (latest?.Version ?? 0) + 1;
        var set = await catalog.GetAsync(db, ct);
        SlaDefinitionSet candidate;
        if (kind == SlaDefinitionRecord.CalendarKind)
        {
            var calendar = SlaDefinitionReader.ReadCalendar(json, version, errors);
            candidate = new SlaDefinitionSet(set.Calendars.Values.Where(c => c.Id != id).Concat(calendar is null ? [] : [calendar]), set.Policies);
        }
        else
        {
            var policy = SlaDefinitionReader.ReadPolicy(json, version, errors);
            if (policy is null)
            {
                LintUnreadablePolicy(json, set, errors);
            }

            candidate = new SlaDefinitionSet(set.Calendars.Values, set.Policies.Where(p => p.Id != id).Concat(policy is null ? [] : [policy]));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(candidate.Validate(catalog.Conditions));
        }

        if (errors.Count > 0)
        {
            return new Outcome(errors, null, false);
        }

        var text = json.GetRawText();
        if (latest is not null && latest.Json == text)
        {
            return new Outcome([], latest, false);
        }

        var record = new SlaDefinitionRecord { Kind = kind, Id = id, Version = version, Json = text, Source = source, CreatedAt = time.GetUtcNow() };
        db.SlaDefinitions.Add(record);
        return new Outcome([], record, true);
    }

    /// <summary>A policy with field errors is still checked for a bad condition and an unknown calendar, so one answer lists everything.</summary>
    private void LintUnreadablePolicy(JsonElement json, SlaDefinitionSet set, List<string> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (json.TryGetProperty("condition", out var c) && c.ValueKind == JsonValueKind.String)
        {
            var pauses = new HashSet<Domain.Cases.CaseStatus>(Domain.Sla.SlaPolicy.DefaultPauseStatuses);
            if (json.TryGetProperty("pauseWhen", out var pw) && pw.ValueKind == JsonValueKind.Array)
            {
                pauses = pw.EnumerateArray().Select(p => Enum.TryParse<Domain.Cases.CaseStatus>(p.ValueKind == JsonValueKind.String ? p.GetString() : null, out var s) ? s : (Domain.Cases.CaseStatus?)null)
                    .OfType<Domain.Cases.CaseStatus>().ToHashSet();
            }

            errors.AddRange(SlaConditionLint.Check(catalog.Conditions, c.GetString()!, pauses, out _));
        }

        if (json.TryGetProperty("calendar", out var cal) && cal.ValueKind == JsonValueKind.String && !set.Calendars.ContainsKey(cal.GetString()!))
        {
            errors.Add($"calendar: '{cal.GetString()}' does not exist (known: {string.Join(", ", set.Calendars.Keys.Order(StringComparer.Ordinal))}).");
        }
    }

    /// <summary>The address names the definition: a body without <c>id</c> takes it from there (a body with one must agree).</summary>
    private static JsonElement WithAddressId(JsonElement json, string id)
    {
        if (json.ValueKind != JsonValueKind.Object || json.TryGetProperty("id", out _))
        {
            return json;
        }

        var named = JsonNode.Parse(json.GetRawText())!.AsObject();
        named.Insert(0, "id", id);
        return JsonSerializer.SerializeToElement(named);
    }
}
