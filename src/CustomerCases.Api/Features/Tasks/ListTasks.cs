using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// GET /api/tasks — the inbox: open tasks by default, most urgent first, then the earliest due (no due date last).
/// Filters: mine, queue, status, priority (comma-separated), dueBefore, overdue (open and past due: what supervisors
/// chase). An agent sees the tasks of his queues and his own.
/// </summary>
internal static class ListTasks
{
    internal sealed record TaskPage(IReadOnlyList<TaskResponse> Items, int Page, int PageSize, int Total);

    public static async Task<IResult> HandleAsync(ClaimsPrincipal user, CustomerCasesDbContext db, TimeProvider time, CancellationToken ct,
        bool mine = false, string? queue = null, string? status = null, string? priority = null, DateTimeOffset? dueBefore = null,
        bool? overdue = null, int page = 1, int pageSize = 50)
    {
        var v = new Validation();
        var statuses = ParseList<HumanTaskStatus>("status", status, v);
        var priorities = ParseList<CasePriority>("priority", priority, v);
        if (page < 1)
        {
            v.Add("page", "must be 1 or more.");
        }

        if (pageSize is < 1 or > 200)
        {
            v.Add("pageSize", "must be between 1 and 200.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var caller = await TaskCaller.ResolveAsync(user, db, ct);
        if (!caller.CanWork)
        {
            return TaskWork.NotAnAgent();
        }

        if (mine && caller.AgentId is null)
        {
            return new Validation().Add("mine", "only agents hold tasks; your key is not linked to an agent.").Problem();
        }

        var query = db.HumanTasks.AsNoTracking();
        if (!caller.IsManager && caller.Agent is { } agent)
        {
            var queues = agent.Queues.ToList();
            query = query.Where(t => queues.Contains(t.Queue) || t.AssigneeId == agent.Id);
        }

        if (mine)
        {
            var me = caller.AgentId;
            query = query.Where(t => t.AssigneeId == me);
        }

        if (queue is not null)
        {
            var name = WorkQueue.NormaliseName(queue);
            query = query.Where(t => t.Queue == name);
        }

        statuses = statuses.Count > 0 ? statuses : [HumanTaskStatus.Queued, HumanTaskStatus.Assigned];
        query = query.Where(t => statuses.Contains(t.Status));
        if (priorities.Count > 0)
        {
            query = query.Where(t => priorities.Contains(t.Priority));
        }

        if (dueBefore is { } due)
        {
            query = query.Where(t => t.DueAt != null && t.DueAt < due);
        }

        var now = time.GetUtcNow();
        if (overdue is { } late)
        {
            // Flagged by the escalation job (even if done since: it was late), or open past due and not swept yet.
            query = late
                ? query.Where(t => t.OverdueAt != null
                    || (t.DueAt != null && t.DueAt <= now && (t.Status == HumanTaskStatus.Queued || t.Status == HumanTaskStatus.Assigned)))
                : query.Where(t => t.OverdueAt == null
                    && (t.DueAt == null || t.DueAt > now || (t.Status != HumanTaskStatus.Queued && t.Status != HumanTaskStatus.Assigned)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return Results.Ok(new TaskPage(items.Select(t => TaskResponse.From(t, now: now)).ToList(), page, pageSize, total));
    }

    private static List<T> ParseList<T>(string field, string? value, Validation v)
        where T : struct, Enum =>
        value is null
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => v.Enum<T>(field, s)).OfType<T>().ToList();
}
