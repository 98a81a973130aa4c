using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Sla;

/// <summary>What SLA targets are computed from, read off the append-only case history.</summary>
public enum SlaCaseEventKind
{
    StatusChanged,

    /// <summary>A public reply written by a person; automated (workflow) replies are not responses.</summary>
    PublicReplyByPerson,

    CustomerMessage,
}

public sealed record SlaCaseEvent(DateTimeOffset At, int Sequence, SlaCaseEventKind Kind, CaseStatus Status = CaseStatus.New);

/// <summary>The SLA-relevant facts of one case, in history order. Built from history only, so a replay gives the same targets.</summary>
public sealed record SlaCaseTimeline(DateTimeOffset CreatedAt, IReadOnlyList<SlaCaseEvent> Events)
{
    public static SlaCaseTimeline FromHistory(DateTimeOffset createdAt, IEnumerable<CaseHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = new List<SlaCaseEvent>();
        foreach (var h in history.OrderBy(h => h.Sequence))
        {
            switch (h.Kind)
            {
                case CaseHistoryKind.StatusChanged when Enum.TryParse<CaseStatus>(h.NewValue, out var status):
                    events.Add(new SlaCaseEvent(h.OccurredAt, h.Sequence, SlaCaseEventKind.StatusChanged, status));
                    break;
                case CaseHistoryKind.MessageAdded when h.NewValue == nameof(MessageKind.PublicReply) && h.ActorKind == ActorKind.User:
                    events.Add(new SlaCaseEvent(h.OccurredAt, h.Sequence, SlaCaseEventKind.PublicReplyByPerson));
                    break;
                case CaseHistoryKind.MessageAdded when h.NewValue == nameof(MessageKind.CustomerMessage):
                    events.Add(new SlaCaseEvent(h.OccurredAt, h.Sequence, SlaCaseEventKind.CustomerMessage));
                    break;
            }
        }

        return new SlaCaseTimeline(createdAt, events);
    }

    /// <summary>Status segments: each status from when it was entered; the first is New at creation.</summary>
    public IReadOnlyList<(DateTimeOffset From, CaseStatus Status)> Statuses()
    {
        var list = new List<(DateTimeOffset, CaseStatus)> { (CreatedAt, CaseStatus.New) };
        list.AddRange(Events.Where(e => e.Kind == SlaCaseEventKind.StatusChanged).Select(e => (e.At, e.Status)));
        return list;
    }

    public CaseStatus CurrentStatus => Statuses()[^1].Status;
}
