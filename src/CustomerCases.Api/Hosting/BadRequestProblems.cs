using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CustomerCases.Api.Hosting;

/// <summary>
/// Turns what ASP.NET Core refuses before an endpoint runs — a query value that is not a number, a JSON value of the
/// wrong type, a missing body — into the same field-by-field answer as our own validation (<c>errors</c> keyed by the
/// field as the client wrote it). The framework's own messages name CLR types and parameters
/// ("could not be converted to …OpenCase+Request", "Did you mean to use a Service instead?"), which tell a client nothing.
/// </summary>
internal static partial class BadRequestProblems
{
    public static ProblemDetails From(BadHttpRequestException bad, HttpContext http)
    {
        if (bad.InnerException is JsonException json)
        {
            return FromJson(json, http);
        }

        if (BindFailure().Match(bad.Message) is { Success: true } failed)
        {
            var field = JsonNamingPolicy.CamelCase.ConvertName(failed.Groups["name"].Value);
            return Invalid(field, $"'{failed.Groups["value"].Value}' is not {Kind(failed.Groups["type"].Value)}.");
        }

        var missing = MissingValue().Match(bad.Message);
        if (missing.Success && missing.Groups["source"].Value != "body")
        {
            return Invalid(JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value), "is required.");
        }

        if (missing.Success || bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return Invalid("body", "is required: send a JSON object.");
        }

        return new ProblemDetails { Status = bad.StatusCode, Title = "Unreadable request", Detail = bad.Message };
    }

    private static ProblemDetails FromJson(JsonException json, HttpContext http)
    {
        var field = FieldName(json.Path);
        if (!json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // A syntax error: the reader's message says what and where (line, byte), and names no types.
            return new ProblemDetails { Status = 400, Title = "Unreadable request", Detail = $"The body is not valid JSON: {json.Message}" };
        }

        var expected = ExpectedType(http, json.Path);
        if (field.Length == 0)
        {
            return Invalid("body", $"must be {(expected is null ? "a JSON object" : KindOf(expected))}.");
        }

        return Invalid(field, expected is null ? "has the wrong JSON type." : $"must be {KindOf(expected)}.");
    }

    private static ValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400,
            Title = "The request is invalid",
            Detail = "See 'errors' for each field.",
        };

    /// <summary><c>$.customer.email</c> → <c>customer.email</c>, <c>$.tags[0]</c> → <c>tags[0]</c>, <c>$</c> → empty (the body itself).</summary>
    private static string FieldName(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The CLR type the endpoint reads at this JSON path, walking its body type's properties; null when unknown.</summary>
    private static Type? ExpectedType(HttpContext http, string? path)
    {
        // The exception handler runs with the endpoint cleared; the feature keeps the one that threw.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null || path is null)
        {
            return null;
        }

        foreach (Match step in PathStep().Matches(path))
        {
            type = step.Groups["index"].Success ? ElementType(type) : PropertyType(type, step.Groups["name"].Value);
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static Type? PropertyType(Type type, string name)
    {
        if (IsDictionary(type))
        {
            return type.IsGenericType ? type.GetGenericArguments()[^1] : null;
        }

        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
            string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase));
        return property?.PropertyType;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type) || type.GetInterfaces().Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of: {string.Join(", ", Enum.GetNames(type))}";
        }

        if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTimeOffset)
            || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan))
        {
            return Kind(type.Name);
        }

        return !IsDictionary(type) && typeof(IEnumerable).IsAssignableFrom(type) ? "a JSON array" : "a JSON object";
    }

    /// <summary>What a value of this type looks like, from a C# or CLR type name as the framework writes it (<c>Nullable&lt;int&gt;</c>, <c>Int32</c>).</summary>
    private static string Kind(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } inner ? inner.Groups[1].Value : typeName;
        return name switch
        {
            "int" or "Int32" or "long" or "Int64" or "short" or "Int16" or "byte" or "Byte" or "uint" or "UInt32" or "ulong" or "UInt64" => "a whole number",
            "double" or "Double" or "float" or "Single" or "decimal" or "Decimal" => "a number",
            "bool" or "Boolean" => "true or false",
            "Guid" => "an id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301)",
            "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601, e.g. 2026-11-26T09:00:00Z)",
            "DateOnly" => "a date (YYYY-MM-DD)",
            "TimeSpan" => "a duration (e.g. 01:30:00)",
            "string" or "String" => "a string",
            _ => "a valid value",
        };
    }

    // Failed to bind parameter "Nullable<DateTimeOffset> from" from "yesterday".
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    // Required parameter "int page" was not provided from query string. / ... from body.
    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ ]+)\" was not provided from (?<source>body|query string|route|header|form)", RegexOptions.Singleline)]
    private static partial Regex MissingValue();

    [GeneratedRegex("^Nullable<(.+)>$")]
    private static partial Regex NullableOf();

    // $.customer.email, $.tags[0], $['odd name']
    [GeneratedRegex("\\.(?<name>[^.\\[]+)|\\[(?<index>\\d+)\\]|\\['(?<name>[^']+)'\\]")]
    private static partial Regex PathStep();
}
