using CustomerCases.Api.Features.Cases;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// A closed case takes its running workflow instances with it, in the same save: they end Cancelled, their bookmarks
/// and timer rows go, and each journal says why. Otherwise a closed case would still be replied to, escalated or
/// auto-closed by a workflow that no longer serves anyone. Closed by a person (PATCH): every running instance of the
/// case; closed by a workflow (<c>CustomerCases.CloseCase</c>): every other one — the closing instance finishes itself.
/// </summary>
internal sealed class ClosedCaseWorkflows(CustomerCasesDbContext db, IServiceProvider services) : ICaseChangeObserver, IWorkflowExecutionObserver
{
    private const string CloseCaseType = "CustomerCases.CloseCase";

    // Resolved lazily: the runtime itself depends on the execution observers.
    private WorkflowRuntime Runtime => services.GetRequiredService<WorkflowRuntime>();

    public async Task OnCaseChangedAsync(Case @case, string? categoryBefore, CasePriority priorityBefore, Actor actor, CancellationToken ct)
    {
        if (@case.IsClosed)
        {
            await CancelRunningAsync(@case.Id.ToString(), except: null, $"case {@case.Reference} closed by {actor.Name}", ct);
        }
    }

    public async Task OnExecutionStagedAsync(WorkflowInstanceRecord instance, ExecutionResult result, CancellationToken ct)
    {
        if (instance.CorrelationId is { } caseId
            && result.Journal.Any(e => e.ActivityType == CloseCaseType && e.EventName == JournalEvents.Completed))
        {
            await CancelRunningAsync(caseId, except: instance.Id, $"case closed by workflow instance {instance.Id}", ct);
        }
    }

    private async Task CancelRunningAsync(string correlationId, string? except, string reason, CancellationToken ct)
    {
        var running = nameof(WorkflowStatus.Running);
        var ids = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.CorrelationId == correlationId && i.Status == running)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(ct);
        // Instances started in this unit of work are not in the table yet.
        ids.AddRange(db.WorkflowInstances.Local.Where(i => i.CorrelationId == correlationId && i.Status == running && !ids.Contains(i.Id)).Select(i => i.Id));
        foreach (var id in ids.Where(id => id != except))
        {
            await Runtime.CancelAsync(id, ct, reason);
        }
    }
}
