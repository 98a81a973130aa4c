using System.Text.Json.Nodes;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Work;

namespace CustomerCases.Api.Features.Tasks;

internal sealed record TaskResponse(
    Guid Id,
    string Title,
    string? Instructions,
    string Queue,
    HumanTaskStatus Status,
    CasePriority Priority,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<TaskFormField> Form,
    Guid? AssigneeId,
    string? RequestedAssignee,
    Guid? CaseId,
    string WorkflowInstanceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset QueuedAt,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Outcome,
    JsonNode? Data,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    int Version,
    CaseSummary? Case = null,
    DateTimeOffset? OverdueAt = null,
    int EscalationLevel = 0,
    string? EscalatedFromQueue = null,
    bool Overdue = false)
{
    /// <summary><see cref="Overdue"/>: flagged by the escalation job, or open past its due time at <paramref name="now"/> (not swept yet).</summary>
    public static TaskResponse From(HumanTask t, CaseSummary? @case = null, DateTimeOffset? now = null) => new(
        t.Id, t.Title, t.Instructions, t.Queue, t.Status, t.Priority, t.DueAt, t.RequiredSkills, t.Outcomes, t.Form,
        t.AssigneeId, t.RequestedAssignee, t.CaseId, t.InstanceId, t.CreatedAt, t.QueuedAt, t.AssignedAt, t.CompletedAt,
        t.CompletedByName ?? t.CompletedById, t.Outcome, t.DataJson is null ? null : JsonNode.Parse(t.DataJson), t.CancelledAt, t.CancelReason,
        t.Version, @case, t.OverdueAt, t.EscalationLevel, t.EscalatedFromQueue,
        t.IsOpen && (t.OverdueAt is not null || (now is { } n && t.DueAt <= n)));
}

/// <summary>The case behind a task, enough to decide without opening it.</summary>
internal sealed record CaseSummary(Guid Id, string Number, string Subject, CaseStatus Status, CasePriority Priority, string? Category,
    string? Queue, string? Assignee, string CustomerEmail, string CustomerName)
{
    public static CaseSummary From(Case c, Domain.Customers.Customer customer) =>
        new(c.Id, c.Reference, c.Subject, c.Status, c.Priority, c.Category, c.Queue, c.Assignee, customer.Email, customer.Name);
}
