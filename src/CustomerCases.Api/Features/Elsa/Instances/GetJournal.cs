using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// GET /elsa/api/workflow-instances/{id}/journal — Elsa's execution log records in execution order (sequence), paged
/// zero-based. A WriteLine's Completed entry carries its text as <c>payload.text</c>.
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

    public static async Task<IResult> HandleAsync(string id, CustomerCasesDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var paging = new Paging(page, pageSize);
        if (paging.Error is { } error)
        {
            return ElsaProblems.BadRequest("page", error);
        }

        if (!await db.WorkflowInstances.AnyAsync(i => i.Id == id, ct))
        {
            return ElsaProblems.InstanceNotFound(id);
        }

        var query = db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ThenBy(j => j.Id);
        var total = await query.CountAsync(ct);
        var items = await paging.Apply(query).ToListAsync(ct);
        return Results.Ok(new PagedList<Entry>(items.Select(Entry.From).ToList(), total));
    }
}
