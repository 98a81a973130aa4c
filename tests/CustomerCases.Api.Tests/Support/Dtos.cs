namespace CustomerCases.Api.Tests.Support;

// What a client reads back; enums are strings on the wire.
public sealed record CaseDto(
    Guid Id, string Number, string Subject, string Description, string Channel, string Status, string Priority, string? Category,
    string? Queue, string? Assignee, List<string> Tags, Dictionary<string, string> CustomFields, CustomerDto Customer,
    int EscalationLevel, Guid? FollowUpOfCaseId, DateTimeOffset CreatedAt, DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int Version, List<MessageDto>? Messages);

public sealed record CustomerDto(Guid Id, string Email, string Name, string? ExternalId, string? Tier);

public sealed record MessageDto(Guid Id, string Kind, string AuthorKind, string AuthorId, string Body);

public sealed record CasePageDto(List<CaseDto> Items, int Page, int PageSize, int Total);

public sealed record HistoryDto(int Sequence, string Kind, string ActorKind, string ActorId, string? Field, string? OldValue, string? NewValue, string? Reason);

public sealed record MessageAddedDto(Guid CaseId, string CaseNumber, bool FollowUpCreated, MessageDto Message);

public sealed record ProblemDto(int Status, string Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
