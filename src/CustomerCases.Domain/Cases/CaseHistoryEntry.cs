using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Cases;

/// <summary>
/// One immutable fact about a case: who changed what, when, from which value to which. <see cref="Sequence"/> orders
/// entries of one case even when two share a timestamp; <see cref="Reason"/> says why an automated change happened
/// (e.g. the model version and confidence that set a category).
/// </summary>
public sealed class CaseHistoryEntry
{
    private CaseHistoryEntry()
    {
    }

    internal CaseHistoryEntry(Guid caseId, int sequence, CaseHistoryKind kind, Actor actor, DateTimeOffset occurredAt,
        string? field, string? oldValue, string? newValue, string? reason)
    {
        CaseId = caseId;
        Sequence = sequence;
        Kind = kind;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        OccurredAt = occurredAt;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = reason;
    }

    public long Id { get; private set; }

    public Guid CaseId { get; private set; }

    public int Sequence { get; private set; }

    public CaseHistoryKind Kind { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public string ActorId { get; private set; } = "";

    public string? ActorName { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string? Reason { get; private set; }

    public Actor Actor => new(ActorKind, ActorId, ActorName);
}
