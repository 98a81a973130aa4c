using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Domain.Work;

/// <summary>
/// Checks completion data against a task's form: required fields present, values of the declared type within the
/// field's bounds or options, no unknown fields.
/// </summary>
public static class TaskForm
{
    /// <summary>Every problem, keyed <c>data.&lt;field&gt;</c>; empty when the data fits the form.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyList<TaskFormField> fields, JsonObject? data)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var value = data?[field.Name];
            if (value is null || (value is JsonValue s && s.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(s.GetValue<string>())))
            {
                if (field.Required)
                {
                    errors[Key(field.Name)] = "is required.";
                }

                continue;
            }

            if (!Fits(field.Type, value))
            {
                errors[Key(field.Name)] = $"must be a {field.Type}.";
            }
            else if (OutsideConstraints(field, value) is { } problem)
            {
                errors[Key(field.Name)] = problem;
            }
        }

        // A form with no fields takes free data; otherwise an unknown field is most likely a typo the workflow would miss.
        if (fields.Count > 0 && data is not null)
        {
            foreach (var (name, _) in data.Where(p => !fields.Any(f => f.Name == p.Key)))
            {
                errors[Key(name)] = $"is not a field of this task's form ({string.Join(", ", fields.Select(f => f.Name))}).";
            }
        }

        return errors;
    }

    private static string Key(string name) => "data." + name;

    private static string? OutsideConstraints(TaskFormField field, JsonNode value)
    {
        if (field.Type == TaskFormField.Number && (field.Min is not null || field.Max is not null))
        {
            var number = Number((JsonValue)value);
            return (field.Min, field.Max) switch
            {
                ({ } min, { } max) when number < min || number > max => $"must be between {Show(min)} and {Show(max)}.",
                ({ } min, null) when number < min => $"must be at least {Show(min)}.",
                (null, { } max) when number > max => $"must be at most {Show(max)}.",
                _ => null,
            };
        }

        if (field.Type == TaskFormField.Text && field.Options is { Count: > 0 } options
            && !options.Contains(value.GetValue<string>(), StringComparer.Ordinal))
        {
            return $"must be one of: {string.Join(", ", options)}.";
        }

        return null;
    }

    // The JSON text of a number (whatever CLR value a JsonValue wraps) or the text a number was written as.
    private static double Number(JsonValue value) => double.Parse(
        value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Show(double bound) => bound.ToString(CultureInfo.InvariantCulture);

    private static bool Fits(string type, JsonNode value) => type switch
    {
        TaskFormField.Number => value is JsonValue v && (v.GetValueKind() == JsonValueKind.Number
            || (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))),
        TaskFormField.Boolean => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        TaskFormField.Date => value is JsonValue d && d.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(d.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => value is JsonValue t && t.GetValueKind() == JsonValueKind.String,
    };
}
