namespace CustomerCases.Api.Features.Shared;

/// <summary>Collects every field error of a request, so a client fixes them all in one go (RFC 7807 "errors").</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public Validation Require(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return this;
    }

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return this;
    }

    /// <summary>Parses an enum by name (case-insensitive), refusing numbers so that "3" is not a valid priority.</summary>
    public TEnum? Enum<TEnum>(string field, string? value)
        where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, out _) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public IResult Problem() => Results.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request is invalid", detail: "See 'errors' for each field.");
}
