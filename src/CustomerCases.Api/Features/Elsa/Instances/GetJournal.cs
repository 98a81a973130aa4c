using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// GET /elsa/api/workflow-instances/{id}/journal — Elsa's execution log records in execution order (sequence); and
/// POST on the same path with <c>{filter: {activityIds, activityNodeIds, excludedActivityTypes, eventNames}}</c>, as
/// Studio's instance viewer asks. Paged with <c>skip</c>/<c>take</c> (Studio) or zero-based <c>page</c>/<c>pageSize</c>.
/// A WriteLine's Completed entry carries its text as <c>payload.text</c>.
/// </summary>
internal static class GetJournal
{
    internal sealed record Entry(
        string Id, string ActivityInstanceId, string? ParentActivityInstanceId, string ActivityId, string ActivityType, int ActivityTypeVersion,
        string? NodeId, string? ActivityNodeId, DateTimeOffset Timestamp, long Sequence, string EventName, string? Message, string? Source, JsonNode? Payload)
    {
        public static Entry From(StoredJournalEntry e) =>
            new(e.Id, e.ActivityInstanceId, null, e.ActivityId, e.ActivityType, 1, e.ActivityNodeId, e.ActivityNodeId, e.Timestamp, e.Sequence,
                e.EventName, e.Message, null, e.Payload);
    }

    internal sealed record Filter(string[]? ActivityIds, string[]? ActivityNodeIds, string[]? ExcludedActivityTypes, string[]? EventNames);

    internal sealed record FilterRequest(Filter? Filter);

    public static Task<IResult> HandleAsync(string id, CustomerCasesDbContext db, CancellationToken ct,
        int? skip = null, int? take = null, int? page = null, int? pageSize = null) =>
        ListAsync(id, null, db, skip, take, page, pageSize, ct);

    public static Task<IResult> FilteredAsync(string id, FilterRequest? request, CustomerCasesDbContext db, CancellationToken ct,
        int? skip = null, int? take = null, int? page = null, int? pageSize = null) =>
        ListAsync(id, request?.Filter, db, skip, take, page, pageSize, ct);

    private static async Task<IResult> ListAsync(string id, Filter? filter, CustomerCasesDbContext db, int? skip, int? take, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new Paging(page, pageSize);
        var error = paging.Error ?? (skip < 0 ? "skip must be 0 or more." : take is < 1 or > Paging.MaxPageSize ? $"take must be between 1 and {Paging.MaxPageSize}." : null);
        if (error is not null)
        {
            return ElsaProblems.BadRequest("paging", error);
        }

        if (!await db.WorkflowInstances.AnyAsync(i => i.Id == id, ct))
        {
            return ElsaProblems.InstanceNotFound(id);
        }

        // Filtered and paged in memory: an instance's journal is stored as one row per execution (WorkflowJournalBatches).
        IEnumerable<StoredJournalEntry> entries = await WorkflowJournal.ReadAsync(db, id, ct);
        if (filter?.ActivityIds is { Length: > 0 } activityIds)
        {
            entries = entries.Where(j => activityIds.Contains(j.ActivityId));
        }

        if (filter?.ActivityNodeIds is { Length: > 0 } nodeIds)
        {
            entries = entries.Where(j => j.ActivityNodeId != null && nodeIds.Contains(j.ActivityNodeId));
        }

        if (filter?.ExcludedActivityTypes is { Length: > 0 } excluded)
        {
            entries = entries.Where(j => !excluded.Contains(j.ActivityType));
        }

        if (filter?.EventNames is { Length: > 0 } eventNames)
        {
            entries = entries.Where(j => eventNames.Contains(j.EventName));
        }

        var matching = entries.ToList();
        var total = matching.Count;
        var items = skip is not null || take is not null
            ? matching.Skip(skip ?? 0).Take(take ?? Paging.MaxPageSize).ToList()
            : paging.Apply(matching.AsQueryable()).ToList();
        return Results.Ok(new PagedList<Entry>(items.Select(Entry.From).ToList(), total));
    }
}
