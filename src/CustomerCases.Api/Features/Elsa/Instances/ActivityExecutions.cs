using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// Elsa's activity execution records, which Studio's instance viewer reads to colour the diagram and list the runs of
/// a selected activity. We keep no separate table: one record per activity instance is folded from the journal (its
/// first entry starts it, Completed/Faulted/Cancelled end it, Suspended marks it waiting on a bookmark).
/// GET /elsa/api/activity-executions/list and /activity-execution-summaries/list (<c>workflowInstanceId</c>, optional
/// <c>activityNodeId</c> / <c>activityId</c>) → <c>{items, count}</c>; POST /activity-executions/report
/// <c>{workflowInstanceId, activityNodeIds}</c> → <c>{stats}</c>, one per activity node that ran.
/// </summary>
internal static class ActivityExecutions
{
    internal sealed record Summary(
        string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion, string? ActivityName,
        DateTimeOffset StartedAt, bool HasBookmarks, string Status, DateTimeOffset? CompletedAt);

    internal sealed record Record(
        string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion, string? ActivityName,
        JsonObject ActivityState, JsonObject? Payload, JsonObject Outputs, JsonObject? Exception, DateTimeOffset StartedAt, bool HasBookmarks, string Status,
        DateTimeOffset? CompletedAt);

    internal sealed record Stats(string ActivityId, string ActivityNodeId, long StartedCount, long CompletedCount, long UncompletedCount, bool IsBlocked, bool IsFaulted);

    internal sealed record ReportRequest(string? WorkflowInstanceId, string[]? ActivityNodeIds);

    public static async Task<IResult> ListAsync(CustomerCasesDbContext db, CancellationToken ct, string? workflowInstanceId = null, string? activityNodeId = null,
        string? activityId = null)
    {
        if (string.IsNullOrWhiteSpace(workflowInstanceId))
        {
            return ElsaProblems.BadRequest("workflowInstanceId", "is required.");
        }

        var runs = await FoldAsync(db, workflowInstanceId, activityNodeId, activityId, ct);
        return Results.Ok(new ItemList<Record>(runs.Select(r => r.ToRecord()).ToList()));
    }

    public static async Task<IResult> ListSummariesAsync(CustomerCasesDbContext db, CancellationToken ct, string? workflowInstanceId = null,
        string? activityNodeId = null, string? activityId = null)
    {
        if (string.IsNullOrWhiteSpace(workflowInstanceId))
        {
            return ElsaProblems.BadRequest("workflowInstanceId", "is required.");
        }

        var runs = await FoldAsync(db, workflowInstanceId, activityNodeId, activityId, ct);
        return Results.Ok(new ItemList<Summary>(runs.Select(r => r.ToSummary()).ToList()));
    }

    public static async Task<IResult> ReportAsync(ReportRequest request, CustomerCasesDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.WorkflowInstanceId))
        {
            return ElsaProblems.BadRequest("workflowInstanceId", "is required.");
        }

        var runs = await FoldAsync(db, request.WorkflowInstanceId, null, null, ct);
        var wanted = request.ActivityNodeIds is { Length: > 0 } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        var stats = runs.Where(r => wanted is null || wanted.Contains(r.NodeId))
            .GroupBy(r => r.NodeId, StringComparer.Ordinal)
            .Select(g => new Stats(g.First().ActivityId, g.Key, g.LongCount(), g.LongCount(r => r.Status == "Completed"), g.LongCount(r => r.CompletedAt is null),
                g.Any(r => r.HasBookmarks && r.CompletedAt is null), g.Any(r => r.Status == "Faulted")))
            .ToList();
        return Results.Ok(new { stats });
    }

    private static async Task<List<Run>> FoldAsync(CustomerCasesDbContext db, string instanceId, string? nodeId, string? activityId, CancellationToken ct)
    {
        var entries = (await WorkflowJournal.ReadAsync(db, instanceId, ct))
            .Where(j => string.IsNullOrWhiteSpace(nodeId) || j.ActivityNodeId == nodeId)
            .Where(j => string.IsNullOrWhiteSpace(activityId) || j.ActivityId == activityId)
            .ToList();
        return entries.GroupBy(e => e.ActivityInstanceId, StringComparer.Ordinal).Select(g => Run.From(instanceId, g.ToList())).ToList();
    }

    private sealed record Run(string Id, string InstanceId, string ActivityId, string NodeId, string ActivityType, DateTimeOffset StartedAt,
        DateTimeOffset? CompletedAt, string Status, bool HasBookmarks, JsonObject? Payload, string? Message)
    {
        public static Run From(string instanceId, List<StoredJournalEntry> entries)
        {
            var first = entries[0];
            var end = entries.LastOrDefault(e => e.EventName is JournalEvents.Completed or JournalEvents.Faulted or JournalEvents.Cancelled);
            var last = entries[^1];
            var status = end?.EventName switch
            {
                JournalEvents.Completed => "Completed",
                JournalEvents.Faulted => "Faulted",
                JournalEvents.Cancelled => "Canceled",
                _ => "Running",
            };
            var payload = entries.Select(e => e.Payload).LastOrDefault(p => p is not null);
            return new Run(first.ActivityInstanceId, instanceId, first.ActivityId, first.ActivityNodeId ?? first.ActivityId, first.ActivityType, first.Timestamp,
                end?.Timestamp, status, end is null && last.EventName == JournalEvents.Suspended, payload, end?.EventName == JournalEvents.Faulted ? end.Message : null);
        }

        public Summary ToSummary() => new(Id, InstanceId, ActivityId, NodeId, ActivityType, 1, ActivityId, StartedAt, HasBookmarks, Status, CompletedAt);

        public Record ToRecord()
        {
            var (state, payload) = StudioExecutionView.From(Payload);
            return new(Id, InstanceId, ActivityId, NodeId, ActivityType, 1, ActivityId, state, payload, new JsonObject(),
                Message is null ? null : new JsonObject { ["type"] = "ActivityFault", ["message"] = Message }, StartedAt, HasBookmarks, Status, CompletedAt);
        }
    }
}
