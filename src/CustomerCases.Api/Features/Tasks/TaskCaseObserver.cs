using CustomerCases.Api.Features.Cases;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// A case closed by a person (PATCH) takes its open tasks with it, in the same save: nobody should work on a closed
/// case. (The case's running workflow instances are cancelled in the same save by <c>Workflows/ClosedCaseWorkflows</c>.)
/// </summary>
internal sealed class TaskCaseObserver(CustomerCasesDbContext db, TaskRouting routing, TimeProvider time) : ICaseChangeObserver
{
    public async Task OnCaseChangedAsync(Case @case, string? categoryBefore, CasePriority priorityBefore, Actor actor, CancellationToken ct)
    {
        if (!@case.IsClosed)
        {
            return;
        }

        var open = await db.HumanTasks.Where(t => t.CaseId == @case.Id && (t.Status == HumanTaskStatus.Queued || t.Status == HumanTaskStatus.Assigned)).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var task in open)
        {
            task.Cancel("case closed", now);
        }

        if (open.Count > 0)
        {
            await routing.RouteWaitingAsync(ct); // their holders have room again
        }
    }
}
