using System.Text.Json;
using CustomerCases.Domain.Sla;

namespace CustomerCases.Api.Sla;

/// <summary>A consistent set of calendars and policies: what the service computes targets with.</summary>
internal sealed class SlaDefinitionSet
{
    public SlaDefinitionSet(IEnumerable<BusinessCalendar> calendars, IEnumerable<SlaPolicy> policies)
    {
        Calendars = calendars.Where(c => c.Id != BusinessCalendar.AlwaysOpenId).Append(BusinessCalendar.AlwaysOpen)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        Policies = policies.OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public static SlaDefinitionSet Empty { get; } = new([], []);

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>Every error of the set: per-policy lint plus what only shows across definitions (unknown calendar, same order, unreachable policy).</summary>
    public List<string> Validate(SlaConditions conditions)
    {
        var errors = new List<string>();
        SlaPolicy? catchAll = null;
        foreach (var policy in Policies)
        {
            string Prefix(string e) => $"policy '{policy.Id}': {e}";
            if (!Calendars.ContainsKey(policy.CalendarId))
            {
                errors.Add(Prefix($"calendar: '{policy.CalendarId}' does not exist (known: {string.Join(", ", Calendars.Keys.Order(StringComparer.Ordinal))})."));
            }

            if (Policies.FirstOrDefault(p => p.Order == policy.Order && p.Id != policy.Id) is { } twin && string.CompareOrdinal(twin.Id, policy.Id) < 0)
            {
                errors.Add(Prefix($"order: {policy.Order} is also the order of '{twin.Id}'; the first match would depend on the id. Give each policy its own order."));
            }

            if (catchAll is not null)
            {
                errors.Add(Prefix($"can never apply: '{catchAll.Id}' (order {catchAll.Order}) comes first and holds for every case."));
            }

            errors.AddRange(SlaConditionLint.Check(conditions, policy.Condition, policy.PauseStatuses, out var always).Select(Prefix));
            catchAll ??= always ? policy : null;
        }

        return errors;
    }

    /// <summary>The first policy (by order) whose condition holds for the case, with its calendar; null when none does.</summary>
    public (SlaPolicy Policy, BusinessCalendar Calendar)? Select(SlaConditions conditions, System.Text.Json.Nodes.JsonObject snapshot)
    {
        foreach (var policy in Policies)
        {
            bool holds;
            try
            {
                holds = conditions.Evaluate(policy.Condition, snapshot);
            }
            catch (SlaConditionException)
            {
                holds = false; // validation guards against this; at run time a failing condition simply does not match
            }

            if (holds && Calendars.TryGetValue(policy.CalendarId, out var calendar))
            {
                return (policy, calendar);
            }
        }

        return null;
    }

    /// <summary>Builds a set from stored JSON (already validated when it was written).</summary>
    public static SlaDefinitionSet FromJson(IEnumerable<(string Json, int Version)> calendars, IEnumerable<(string Json, int Version)> policies, List<string> errors)
    {
        var cals = new List<BusinessCalendar>();
        foreach (var (json, version) in calendars)
        {
            using var doc = JsonDocument.Parse(json);
            if (SlaDefinitionReader.ReadCalendar(doc.RootElement, version, errors) is { } c)
            {
                cals.Add(c);
            }
        }

        var pols = new List<SlaPolicy>();
        foreach (var (json, version) in policies)
        {
            using var doc = JsonDocument.Parse(json);
            if (SlaDefinitionReader.ReadPolicy(doc.RootElement, version, errors) is { } p)
            {
                pols.Add(p);
            }
        }

        return new SlaDefinitionSet(cals, pols);
    }
}
