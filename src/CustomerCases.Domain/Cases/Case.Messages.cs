using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Adds a message and applies the rules that come with it: a customer writing on a pending, on-hold or resolved
    /// case reopens it; an agent's first public reply is the first response; a public reply starts work on a New case.
    /// Automated replies (workflows) are messages, not responses. A closed case takes no messages: the caller opens a follow-up case instead (see <see cref="IsClosed"/>).
    /// </summary>
    public CaseMessage AddMessage(MessageKind kind, Actor author, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (Status == CaseStatus.Closed)
        {
            throw new DomainException("case_closed", $"Case {Reference} is closed; a new message opens a follow-up case.");
        }

        var message = new CaseMessage(Id, kind, author, body.Trim(), now);
        _messages.Add(message);
        Record(CaseHistoryKind.MessageAdded, author, now, "message", null, kind.ToString(), null);

        switch (kind)
        {
            case MessageKind.CustomerMessage when Status is CaseStatus.PendingCustomer or CaseStatus.OnHold or CaseStatus.Resolved:
                ChangeStatus(CaseStatus.Open, author, now, "customer replied");
                break;
            // Only a person's reply is a response: automatic acknowledgements must not stop the first-response clock.
            case MessageKind.PublicReply when author.Kind == ActorKind.User:
                FirstRespondedAt ??= now;
                if (Status == CaseStatus.New)
                {
                    ChangeStatus(CaseStatus.Open, author, now, "agent replied");
                }

                break;
        }

        return message;
    }

    public bool IsClosed => Status == CaseStatus.Closed;
}
