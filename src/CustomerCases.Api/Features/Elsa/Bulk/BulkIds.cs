using CustomerCases.Api.Features.Elsa.Shared;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// The id list of a bulk request, checked once for every bulk endpoint: present, not empty, no blank id, at most
/// <see cref="Max"/> (one request is one transaction). Duplicates are dropped, order kept, so a retried or
/// double-clicked selection does the work once.
/// </summary>
internal static class BulkIds
{
    public const int Max = 500;

    public static IResult? Check(IReadOnlyList<string?>? ids, string field, out IReadOnlyList<string> distinct)
    {
        distinct = [];
        var error = ids switch
        {
            null or [] => $"{field} must list at least one id.",
            _ when ids.Any(string.IsNullOrWhiteSpace) => $"{field} must not contain empty ids.",
            { Count: > Max } => $"{field} may list at most {Max} ids per request.",
            _ => null,
        };
        if (error is not null)
        {
            return ElsaProblems.BadRequest(field, error);
        }

        distinct = ids!.Select(i => i!).Distinct(StringComparer.Ordinal).ToList();
        return null;
    }
}
