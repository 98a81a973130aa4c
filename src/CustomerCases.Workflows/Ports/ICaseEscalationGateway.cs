namespace CustomerCases.Workflows.Ports;

/// <summary>What <c>CustomerCases.Escalate</c> asks for. Null fields are left alone; <see cref="RaisePriority"/> raises it one level.</summary>
public sealed record CaseEscalation(string Reason, string? Priority = null, bool RaisePriority = true, string? Queue = null, string? Assignee = null);

/// <summary>Escalates the workflow's case through the domain (priority, queue or manager, level, internal note, history with the reason).</summary>
public interface ICaseEscalationGateway
{
    Task EscalateAsync(Guid caseId, CaseEscalation escalation, CancellationToken cancellationToken);
}
