using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>Escalation on the tracked case in the caller's unit of work: every change is a history entry carrying the reason.</summary>
internal sealed class CaseEscalationGateway(CustomerCasesDbContext db, TimeProvider time) : ICaseEscalationGateway
{
    private static readonly Actor WorkflowActor = new(ActorKind.Workflow, "workflow", "workflow");

    public async Task EscalateAsync(Guid caseId, CaseEscalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var c = db.Tracked<Case>().SingleOrDefault(x => x.Id == caseId) ?? await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken)
            ?? throw new InvalidOperationException($"The workflow's case {caseId} does not exist.");
        if (c.IsClosed)
        {
            return; // nothing left to escalate; the SLA stopped with the case
        }

        var now = time.GetUtcNow();
        var reason = escalation.Reason;
        var changes = new List<string>();
        if (escalation.Priority is { } explicitPriority)
        {
            if (!Enum.TryParse<CasePriority>(explicitPriority, ignoreCase: true, out var p) || int.TryParse(explicitPriority, out _))
            {
                throw new ArgumentException($"'{explicitPriority}' is not a priority; use one of {string.Join(", ", Enum.GetNames<CasePriority>())}.");
            }

            Change(c.Priority, p, () => c.ChangePriority(p, WorkflowActor, now, reason), "priority", changes);
        }
        else if (escalation.RaisePriority && c.Priority < CasePriority.Urgent)
        {
            var raised = c.Priority + 1;
            Change(c.Priority, raised, () => c.ChangePriority(raised, WorkflowActor, now, reason), "priority", changes);
        }

        if (escalation.Queue is { } queue && queue != c.Queue)
        {
            c.MoveToQueue(queue, WorkflowActor, now, reason);
            changes.Add($"queue → {queue}");
        }

        if (escalation.Assignee is { } assignee && assignee != c.Assignee)
        {
            c.AssignTo(assignee, WorkflowActor, now, reason);
            changes.Add($"assignee → {assignee}");
        }

        c.Escalate(WorkflowActor, now, reason);
        var summary = changes.Count == 0 ? "" : " (" + string.Join(", ", changes) + ")";
        db.CaseMessages.Add(c.AddMessage(MessageKind.InternalNote, WorkflowActor,
            $"Escalated to level {c.EscalationLevel}{summary}: {reason}", now));
    }

    private static void Change(CasePriority from, CasePriority to, Action apply, string what, List<string> changes)
    {
        if (from != to)
        {
            apply();
            changes.Add($"{what} {from} → {to}");
        }
    }
}
