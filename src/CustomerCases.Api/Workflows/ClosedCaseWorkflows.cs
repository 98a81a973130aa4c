using CustomerCases.Api.Features.Cases;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// A case closed by a person (PATCH) takes its running workflow instances with it, in the same save: they end
/// Cancelled, their bookmarks and timer rows go, and each journal says why. Otherwise a closed case would still be
/// replied to, escalated or auto-closed by a workflow that no longer serves anyone.
/// </summary>
internal sealed class ClosedCaseWorkflows(CustomerCasesDbContext db, WorkflowRuntime runtime) : ICaseChangeObserver
{
    public async Task OnCaseChangedAsync(Case @case, string? categoryBefore, CasePriority priorityBefore, Actor actor, CancellationToken ct)
    {
        if (!@case.IsClosed)
        {
            return;
        }

        var correlationId = @case.Id.ToString();
        var running = nameof(WorkflowStatus.Running);
        var ids = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.CorrelationId == correlationId && i.Status == running)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            await runtime.CancelAsync(id, ct, $"case {@case.Reference} closed by {actor.Name}");
        }
    }
}
