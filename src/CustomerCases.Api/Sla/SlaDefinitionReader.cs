using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Sla;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Reads calendar and policy JSON (the format of <c>workflows/sla/</c>, described by the schemas in
/// <c>workflows/sla/schema/</c>) into domain objects, collecting every error with the field it concerns.
/// </summary>
internal static partial class SlaDefinitionReader
{
    private static readonly Dictionary<string, DayOfWeek> Days = Enum.GetValues<DayOfWeek>()
        .ToDictionary(d => d.ToString().ToLowerInvariant(), d => d, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, SlaMetric> Metrics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["firstResponse"] = SlaMetric.FirstResponse,
        ["nextReply"] = SlaMetric.NextReply,
        ["resolution"] = SlaMetric.Resolution,
    };

    public static BusinessCalendar? ReadCalendar(JsonElement json, int version, List<string> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body: must be a JSON object.");
            return null;
        }

        var id = ReadId(json, errors);
        var zoneId = Text(json, "timeZone") ?? "UTC";
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"timeZone: '{zoneId}' is not a known IANA time zone (e.g. Europe/Berlin).");
        }

        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>();
        if (json.TryGetProperty("weekly", out var w) && w.ValueKind != JsonValueKind.Null)
        {
            if (w.ValueKind != JsonValueKind.Object)
            {
                errors.Add("weekly: must be an object of weekday → [{from, to}].");
            }
            else
            {
                foreach (var day in w.EnumerateObject())
                {
                    if (!Days.TryGetValue(day.Name, out var dow))
                    {
                        errors.Add($"weekly.{day.Name}: is not a weekday (monday … sunday).");
                        continue;
                    }

                    weekly[dow] = ReadIntervals(day.Value, $"weekly.{day.Name}", errors);
                }

                if (weekly.Count > 0 && weekly.Values.All(v => v.Count == 0))
                {
                    errors.Add("weekly: has no open interval at all, so the calendar is never open (omit weekly for 24×7).");
                }
            }
        }

        var holidays = new Dictionary<DateOnly, string>();
        if (json.TryGetProperty("holidays", out var h) && h.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in h.EnumerateArray())
            {
                var dateText = item.ValueKind == JsonValueKind.String ? item.GetString() : Text(item, "date");
                var name = item.ValueKind == JsonValueKind.Object ? Text(item, "name") : null;
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    holidays[date] = name ?? "holiday";
                }
                else
                {
                    errors.Add($"holidays[{i}]: '{dateText}' is not a date (yyyy-MM-dd).");
                }

                i++;
            }
        }
        else if (json.TryGetProperty("holidays", out h) && h.ValueKind != JsonValueKind.Null)
        {
            errors.Add("holidays: must be an array of dates or {date, name}.");
        }

        return id is null || zone is null || errors.Count > 0 ? null : new BusinessCalendar(id, version, zone, weekly, holidays, Text(json, "name"));
    }

    public static SlaPolicy? ReadPolicy(JsonElement json, int version, List<string> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body: must be a JSON object.");
            return null;
        }

        var id = ReadId(json, errors);
        var order = 0;
        if (!json.TryGetProperty("order", out var o) || o.ValueKind != JsonValueKind.Number || !o.TryGetInt32(out order))
        {
            errors.Add("order: is required, an integer (policies are tried in ascending order).");
        }

        var condition = Text(json, "condition");
        if (condition is null)
        {
            errors.Add("condition: is required (JavaScript over the case, e.g. case.priority == 'Urgent'; \"true\" for a catch-all).");
        }

        var calendar = Text(json, "calendar") ?? BusinessCalendar.AlwaysOpenId;
        var targets = new Dictionary<SlaMetric, SlaDuration>();
        if (!json.TryGetProperty("targets", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            errors.Add("targets: is required, e.g. {\"firstResponse\": \"PT1H\", \"resolution\": \"P2D\"}.");
        }
        else
        {
            foreach (var target in t.EnumerateObject())
            {
                if (!Metrics.TryGetValue(target.Name, out var metric))
                {
                    errors.Add($"targets.{target.Name}: is not a metric (firstResponse, nextReply, resolution).");
                    continue;
                }

                var duration = SlaDuration.TryParse(target.Value.ValueKind == JsonValueKind.String ? target.Value.GetString() : null, out var error);
                if (duration is null)
                {
                    errors.Add($"targets.{target.Name}: {error}");
                    continue;
                }

                targets[metric] = duration;
            }

            if (targets.Count == 0 && !t.EnumerateObject().Any())
            {
                errors.Add("targets: needs at least one metric.");
            }
        }

        var warnAt = new List<double>();
        if (json.TryGetProperty("warnAt", out var wa) && wa.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in wa.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || item.GetDouble() is <= 0 or >= 1)
                {
                    errors.Add($"warnAt: {item.GetRawText()} must be a fraction of the target between 0 and 1 (0.75 = at 75 %).");
                }
                else if (!warnAt.Contains(item.GetDouble()))
                {
                    warnAt.Add(item.GetDouble());
                }
            }
        }

        var pauses = new HashSet<CaseStatus>(SlaPolicy.DefaultPauseStatuses);
        if (json.TryGetProperty("pauseWhen", out var pw) && pw.ValueKind == JsonValueKind.Array)
        {
            pauses.Clear();
            foreach (var item in pw.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Enum.TryParse<CaseStatus>(item.GetString(), ignoreCase: false, out var status))
                {
                    pauses.Add(status);
                }
                else
                {
                    errors.Add($"pauseWhen: {item.GetRawText()} is not a case status ({string.Join(", ", Enum.GetNames<CaseStatus>())}).");
                }
            }
        }

        return id is null || condition is null || errors.Count > 0
            ? null
            : new SlaPolicy(id, version, order, condition, calendar, targets, warnAt, pauses, Text(json, "description"));
    }

    private static List<OpenInterval> ReadIntervals(JsonElement value, string path, List<string> errors)
    {
        var list = new List<OpenInterval>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: must be an array of {{\"from\": \"09:00\", \"to\": \"17:00\"}}.");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var from = ParseTime(Text(item, "from"), allow24: false);
            var to = ParseTime(Text(item, "to"), allow24: true);
            if (from is null || to is null)
            {
                errors.Add($"{path}[{i}]: from and to must be HH:mm local times (to may be 24:00).");
            }
            else if (to <= from)
            {
                errors.Add($"{path}[{i}]: {Text(item, "to")} is not after {Text(item, "from")} (intervals do not cross midnight; split them).");
            }
            else
            {
                list.Add(new OpenInterval(from.Value, to.Value));
            }

            i++;
        }

        var sorted = list.OrderBy(x => x.Start).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            if (sorted[k].Start < sorted[k - 1].End)
            {
                errors.Add($"{path}: intervals {sorted[k - 1]} and {sorted[k]} overlap.");
            }
        }

        return sorted;
    }

    private static TimeSpan? ParseTime(string? text, bool allow24)
    {
        if (text == "24:00" && allow24)
        {
            return TimeSpan.FromDays(1);
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToTimeSpan() : null;
    }

    private static string? ReadId(JsonElement json, List<string> errors)
    {
        var id = Text(json, "id");
        if (id is null || !IdPattern().IsMatch(id))
        {
            errors.Add("id: is required: lower-case letters, digits and '-' (e.g. urgent-fast), at most 100 characters.");
            return null;
        }

        return id;
    }

    private static string? Text(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    internal static partial Regex IdPattern();
}
