using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// Elsa's instance list filter, the same from the query string (GET) and from the body (POST, what Studio sends).
/// Enum values are names (Running, Suspended, ...). orderBy: Created (default, newest first), LastExecuted, Finished, Name.
/// </summary>
internal sealed class InstanceFilter
{
    public string? SearchTerm { get; set; }

    public string? DefinitionId { get; set; }

    public string[]? DefinitionIds { get; set; }

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public int? Version { get; set; }

    public string? Status { get; set; }

    public string[]? Statuses { get; set; }

    public string? SubStatus { get; set; }

    public string[]? SubStatuses { get; set; }

    public bool? HasIncidents { get; set; }

    public string? OrderBy { get; set; }

    public string? OrderDirection { get; set; }

    public int? Page { get; set; }

    public int? PageSize { get; set; }

    /// <summary>The filtered, ordered query; or the first thing wrong with the filter.</summary>
    public (IQueryable<WorkflowInstanceRecord>? Query, string? Field, string? Error) Apply(IQueryable<WorkflowInstanceRecord> query)
    {
        var statuses = Names<WorkflowStatus>(Status, Statuses, out var badStatus);
        if (badStatus is not null)
        {
            return (null, "status", $"'{badStatus}' is not one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}.");
        }

        var subStatuses = Names<WorkflowSubStatus>(SubStatus, SubStatuses, out var badSubStatus);
        if (badSubStatus is not null)
        {
            return (null, "subStatus", $"'{badSubStatus}' is not one of {string.Join(", ", Enum.GetNames<WorkflowSubStatus>())}.");
        }

        var descending = !string.Equals(OrderDirection, "Ascending", StringComparison.OrdinalIgnoreCase);
        if (OrderDirection is not null && descending && !string.Equals(OrderDirection, "Descending", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "orderDirection", "must be Ascending or Descending.");
        }

        var definitionIds = (DefinitionIds ?? []).Concat(DefinitionId is null ? [] : [DefinitionId]).ToList();
        if (definitionIds.Count > 0)
        {
            query = query.Where(i => definitionIds.Contains(i.DefinitionId));
        }

        if (CorrelationId is not null)
        {
            query = query.Where(i => i.CorrelationId == CorrelationId);
        }

        if (Name is not null)
        {
            query = query.Where(i => i.Name == Name);
        }

        if (Version is not null)
        {
            query = query.Where(i => i.Version == Version);
        }

        if (statuses.Count > 0)
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (subStatuses.Count > 0)
        {
            query = query.Where(i => subStatuses.Contains(i.SubStatus));
        }

        if (HasIncidents is { } hasIncidents)
        {
            query = hasIncidents ? query.Where(i => i.IncidentCount > 0) : query.Where(i => i.IncidentCount == 0);
        }

        if (!string.IsNullOrWhiteSpace(SearchTerm))
        {
            var pattern = $"%{SearchTerm.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(i => EF.Functions.Like(i.Id.ToLower(), pattern) || EF.Functions.Like(i.DefinitionId.ToLower(), pattern)
                || (i.CorrelationId != null && EF.Functions.Like(i.CorrelationId.ToLower(), pattern)) || (i.Name != null && EF.Functions.Like(i.Name.ToLower(), pattern)));
        }

        query = (OrderBy?.ToUpperInvariant(), descending) switch
        {
            ("LASTEXECUTED" or "UPDATEDAT", false) => query.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
            ("LASTEXECUTED" or "UPDATEDAT", true) => query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id),
            ("FINISHED" or "FINISHEDAT", false) => query.OrderBy(i => i.FinishedAt).ThenBy(i => i.Id),
            ("FINISHED" or "FINISHEDAT", true) => query.OrderByDescending(i => i.FinishedAt).ThenBy(i => i.Id),
            ("NAME", false) => query.OrderBy(i => i.Name).ThenBy(i => i.Id),
            ("NAME", true) => query.OrderByDescending(i => i.Name).ThenBy(i => i.Id),
            (_, false) => query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
            (_, true) => query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id),
        };
        return (query, null, null);
    }

    private static List<string> Names<T>(string? one, string[]? many, out string? invalid)
        where T : struct, Enum
    {
        invalid = null;
        var result = new List<string>();
        foreach (var value in (many ?? []).Concat(one is null ? [] : [one]).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (int.TryParse(value, out _) || !Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
            {
                invalid = value;
                return result;
            }

            result.Add(parsed.ToString());
        }

        return result;
    }
}
