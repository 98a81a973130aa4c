using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Api.Workflows;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// Keeps tasks in step with their workflow, in the execution's own transaction: a HumanTask request becomes a task
/// row (and is routed at once); a HumanTask bookmark that is burned without being completed (instance cancelled,
/// another branch won, Finish) cancels its task; a case closed by the workflow cancels the case's open tasks.
/// </summary>
internal sealed class HumanTaskWorkflowObserver(CustomerCasesDbContext db, TaskRouting routing, TimeProvider time, Jobs.OverdueTaskScheduler overdue)
    : IWorkflowExecutionObserver
{
    public async Task OnExecutionStagedAsync(WorkflowInstanceRecord instance, ExecutionResult result, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = await CreateRequestedTasksAsync(instance, result, now, ct);
        changed |= await ReopenRestoredTasksAsync(result, now, ct);
        // Closed case first: its tasks say so, even when their bookmarks burn because the case's instance is cancelled.
        changed |= await CancelTasksOfClosedCaseAsync(instance, now, ct);
        changed |= await CancelBurnedTasksAsync(instance, result, now, ct);
        if (changed)
        {
            await routing.RouteWaitingAsync(ct);
        }
    }

    private async Task<bool> CreateRequestedTasksAsync(WorkflowInstanceRecord instance, ExecutionResult result, DateTimeOffset now, CancellationToken ct)
    {
        // Only requests whose bookmark is still open: a task requested and cancelled in the same run never exists.
        var open = result.NewBookmarks.Where(b => b.Name == HumanTaskContract.BookmarkName).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var created = false;
        foreach (var request in result.Effects.TaskRequests.Where(r => open.ContainsKey(r.BookmarkId)))
        {
            var bookmark = open[request.BookmarkId];
            var payload = request.Payload as JsonObject ?? [];
            var caseId = Guid.TryParse(instance.CorrelationId, CultureInfo.InvariantCulture, out var id) ? id : (Guid?)null;
            var spec = new HumanTaskSpec(
                Guid.ParseExact(request.TaskId, "N"),
                caseId,
                instance.Id,
                bookmark.Id,
                bookmark.ActivityId,
                Text(payload, "title") ?? request.TaskName,
                Text(payload, "instructions"),
                Text(payload, "queue") ?? "",
                List(payload, "skills"),
                List(payload, "outcomes"),
                Form(payload),
                await PriorityAsync(Text(payload, "priority"), caseId, ct),
                Text(payload, "dueAt") is { } due ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture) : null,
                Text(payload, "assignee"));
            db.HumanTasks.Add(HumanTask.Create(spec, now));
            if (spec.DueAt is { } dueAt)
            {
                overdue.WakeAt(dueAt); // before the commit is harmless: the job only acts on committed, due, open tasks
            }

            created = true;
        }

        return created;
    }

    /// <summary>A retried instance gets its waiting HumanTask bookmarks back without new requests: their tasks reopen.</summary>
    private async Task<bool> ReopenRestoredTasksAsync(ExecutionResult result, DateTimeOffset now, CancellationToken ct)
    {
        var requested = result.Effects.TaskRequests.Select(r => r.BookmarkId).ToHashSet(StringComparer.Ordinal);
        var restored = result.NewBookmarks.Where(b => b.Name == HumanTaskContract.BookmarkName && !requested.Contains(b.Id)).Select(b => b.Id).ToList();
        if (restored.Count == 0)
        {
            return false;
        }

        var tasks = await db.HumanTasks.Where(t => restored.Contains(t.BookmarkId) && t.Status == HumanTaskStatus.Cancelled).ToListAsync(ct);
        foreach (var task in tasks)
        {
            task.Reopen(now);
        }

        return tasks.Count > 0;
    }

    private async Task<bool> CancelBurnedTasksAsync(WorkflowInstanceRecord instance, ExecutionResult result, DateTimeOffset now, CancellationToken ct)
    {
        var burned = result.BurnedBookmarks.Where(b => b.Name == HumanTaskContract.BookmarkName).Select(b => b.Id).ToList();
        if (burned.Count == 0)
        {
            return false;
        }

        // A completed task burns its bookmark too; it is no longer open, so only abandoned tasks are cancelled.
        // Another branch won (a WaitAny join, Elsa.Finish): the run may even have finished in the same execution.
        var reason = result.State.SubStatus switch
        {
            WorkflowSubStatus.Cancelled => "workflow instance cancelled",
            WorkflowSubStatus.Faulted => "workflow instance faulted (a retry reopens it)",
            _ => "the workflow went on without it",
        };
        ct.ThrowIfCancellationRequested();
        var stored = await TaskQueries.OpenTasksOfBookmarks(db, burned).ToListAsync(ct);
        return Cancel(stored, t => burned.Contains(t.BookmarkId), reason, now);
    }

    private async Task<bool> CancelTasksOfClosedCaseAsync(WorkflowInstanceRecord instance, DateTimeOffset now, CancellationToken ct)
    {
        if (!Guid.TryParse(instance.CorrelationId, CultureInfo.InvariantCulture, out var caseId)
            || db.Tracked<Case>().SingleOrDefault(c => c.Id == caseId) is not { IsClosed: true })
        {
            return false;
        }

        var stored = await db.HumanTasks.Where(t => t.CaseId == caseId && (t.Status == HumanTaskStatus.Queued || t.Status == HumanTaskStatus.Assigned)).ToListAsync(ct);
        return Cancel(stored, t => t.CaseId == caseId, "case closed", now);
    }

    /// <summary>
    /// Cancels the open tasks read from the database (<paramref name="stored"/>) and those <paramref name="staged"/> picks
    /// among the tasks this unit of work tracks. The same condition twice, on purpose: compiling the query's expression
    /// for the tracked side cost a dynamic method per completion (and its finalisation), a few percent of a task completion.
    /// </summary>
    private bool Cancel(List<HumanTask> stored, Func<HumanTask, bool> staged, string reason, DateTimeOffset now)
    {
        var tasks = stored.Concat(db.Tracked<HumanTask>().Where(staged)).Distinct().Where(t => t.IsOpen).ToList();
        foreach (var task in tasks)
        {
            task.Cancel(reason, now);
        }

        return tasks.Count > 0;
    }

    private async Task<CasePriority> PriorityAsync(string? named, Guid? caseId, CancellationToken ct)
    {
        if (named is not null && Enum.TryParse<CasePriority>(named, out var priority))
        {
            return priority;
        }

        // Without its own priority a task is as urgent as its case.
        var @case = caseId is { } id ? db.Tracked<Case>().SingleOrDefault(c => c.Id == id) ?? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        return @case?.Priority ?? CasePriority.Normal;
    }

    private static string? Text(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static List<string> List(JsonObject payload, string name) =>
        payload[name] is JsonArray a ? a.Select(x => x?.GetValue<string>()).OfType<string>().ToList() : [];

    private static List<TaskFormField> Form(JsonObject payload) =>
        payload["form"] is JsonArray fields
            ? fields.OfType<JsonObject>().Select(f => new TaskFormField(
                f["name"]!.GetValue<string>(), f["type"]?.GetValue<string>() ?? TaskFormField.Text,
                f["required"]?.GetValue<bool>() ?? false, f["label"]?.GetValue<string>(),
                f["min"]?.GetValue<double>(), f["max"]?.GetValue<double>(),
                f["options"] is JsonArray options ? options.Select(o => o!.GetValue<string>()).ToList() : null)).ToList()
            : [];
}
