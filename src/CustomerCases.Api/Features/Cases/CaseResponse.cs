using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;

namespace CustomerCases.Api.Features.Cases;

internal sealed record CaseResponse(
    Guid Id,
    string Number,
    string Subject,
    string Description,
    CaseChannel Channel,
    CaseStatus Status,
    CasePriority Priority,
    string? Category,
    string? Queue,
    string? Assignee,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> CustomFields,
    CustomerSummary Customer,
    int EscalationLevel,
    Guid? FollowUpOfCaseId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<MessageResponse>? Messages)
{
    public static CaseResponse From(Case c, Customer customer, bool withMessages) => new(
        c.Id, c.Reference, c.Subject, c.Description, c.Channel, c.Status, c.Priority, c.Category, c.Queue, c.Assignee,
        c.Tags, c.CustomFields, CustomerSummary.From(customer), c.EscalationLevel, c.FollowUpOfCaseId,
        c.CreatedAt, c.UpdatedAt, c.FirstRespondedAt, c.ResolvedAt, c.ClosedAt, c.Version,
        withMessages ? c.Messages.OrderBy(m => m.CreatedAt).Select(MessageResponse.From).ToList() : null);
}

internal sealed record CustomerSummary(Guid Id, string Email, string Name, string? ExternalId, string? Tier)
{
    public static CustomerSummary From(Customer c) => new(c.Id, c.Email, c.Name, c.ExternalId, c.Tier);
}

internal sealed record MessageResponse(Guid Id, MessageKind Kind, string AuthorKind, string AuthorId, string? AuthorName, string Body, DateTimeOffset CreatedAt)
{
    public static MessageResponse From(CaseMessage m) => new(m.Id, m.Kind, m.AuthorKind.ToString(), m.AuthorId, m.AuthorName, m.Body, m.CreatedAt);
}
