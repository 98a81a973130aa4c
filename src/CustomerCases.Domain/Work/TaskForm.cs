using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCases.Domain.Work;

/// <summary>Checks completion data against a task's form: required fields present, values of the declared type, no unknown fields.</summary>
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
