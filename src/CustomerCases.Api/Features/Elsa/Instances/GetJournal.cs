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
        public static Entry From(WorkflowJournalRecord r) =>
            new(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ActivityInstanceId, null, r.ActivityId, r.ActivityType, 1,
                r.ActivityNodeId, r.ActivityNodeId, r.Timestamp, r.Sequence, r.EventName, r.Message, null,
                r.PayloadJson is null ? null : JsonNode.Parse(r.PayloadJson));
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

        var query = db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == id);
        if (filter?.ActivityIds is { Length: > 0 } activityIds)
        {
            query = query.Where(j => activityIds.Contains(j.ActivityId));
        }

        if (filter?.ActivityNodeIds is { Length: > 0 } nodeIds)
        {
            query = query.Where(j => j.ActivityNodeId != null && nodeIds.Contains(j.ActivityNodeId));
        }

        if (filter?.ExcludedActivityTypes is { Length: > 0 } excluded)
        {
            query = query.Where(j => !excluded.Contains(j.ActivityType));
        }

        if (filter?.EventNames is { Length: > 0 } eventNames)
        {
            query = query.Where(j => eventNames.Contains(j.EventName));
        }

        var ordered = query.OrderBy(j => j.Sequence).ThenBy(j => j.Id);
        var total = await ordered.CountAsync(ct);
        var pageQuery = skip is not null || take is not null
            ? ordered.Skip(skip ?? 0).Take(take ?? Paging.MaxPageSize)
            : paging.Apply(ordered);
        var items = await pageQuery.ToListAsync(ct);
        return Results.Ok(new PagedList<Entry>(items.Select(Entry.From).ToList(), total));
    }
}
