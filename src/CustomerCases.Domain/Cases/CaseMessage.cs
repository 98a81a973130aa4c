using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Cases;

public sealed class CaseMessage
{
    private CaseMessage()
    {
    }

    internal CaseMessage(Guid caseId, MessageKind kind, Actor author, string body, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        CaseId = caseId;
        Kind = kind;
        AuthorKind = author.Kind;
        AuthorId = author.Id;
        AuthorName = author.Name;
        Body = body;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public MessageKind Kind { get; private set; }

    public ActorKind AuthorKind { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string? AuthorName { get; private set; }

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Actor Author => new(AuthorKind, AuthorId, AuthorName);
}
