using System.Globalization;
using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Cases;

public sealed partial class Case
{
    public void ChangeStatus(CaseStatus to, Actor actor, DateTimeOffset now, string? reason = null)
    {
        if (to == Status)
        {
            return;
        }

        if (!CaseStatusRules.CanMove(Status, to))
        {
            throw new DomainException("illegal_transition",
                $"A case cannot move from {Status} to {to}. Allowed from {Status}: {Describe(CaseStatusRules.NextStatuses(Status))}.");
        }

        var from = Status;
        Status = to;
        switch (to)
        {
            case CaseStatus.Resolved:
                ResolvedAt = now;
                break;
            case CaseStatus.Closed:
                ClosedAt = now;
                ResolvedAt ??= now;
                break;
            case CaseStatus.Open when from == CaseStatus.Resolved:
                ResolvedAt = null; // reopened: the resolution no longer holds
                break;
        }

        Record(CaseHistoryKind.StatusChanged, actor, now, "status", from.ToString(), to.ToString(), reason);
    }

    public void ChangePriority(CasePriority priority, Actor actor, DateTimeOffset now, string? reason = null)
    {
        if (priority == Priority)
        {
            return;
        }

        EnsureNotClosed("priority");
        var old = Priority;
        Priority = priority;
        Record(CaseHistoryKind.PriorityChanged, actor, now, "priority", old.ToString(), priority.ToString(), reason);
    }

    public void Categorise(string? category, Actor actor, DateTimeOffset now, string? reason = null)
    {
        category = Normalise(category);
        if (category == Category)
        {
            return;
        }

        EnsureNotClosed("category");
        var old = Category;
        Category = category;
        Record(CaseHistoryKind.CategoryChanged, actor, now, "category", old, category, reason);
    }

    public void MoveToQueue(string? queue, Actor actor, DateTimeOffset now, string? reason = null)
    {
        queue = Normalise(queue);
        if (queue == Queue)
        {
            return;
        }

        EnsureNotClosed("queue");
        var old = Queue;
        Queue = queue;
        Record(CaseHistoryKind.QueueChanged, actor, now, "queue", old, queue, reason);
    }

    /// <summary>Assigning someone is the start of work: a New case becomes Open.</summary>
    public void AssignTo(string? assignee, Actor actor, DateTimeOffset now, string? reason = null)
    {
        assignee = Normalise(assignee);
        if (assignee == Assignee)
        {
            return;
        }

        EnsureNotClosed("assignee");
        var old = Assignee;
        Assignee = assignee;
        Record(CaseHistoryKind.AssigneeChanged, actor, now, "assignee", old, assignee, reason);
        if (assignee is not null && Status == CaseStatus.New)
        {
            ChangeStatus(CaseStatus.Open, actor, now, "assigned");
        }
    }

    /// <summary>Tags stay editable on a closed case (reporting often re-tags old cases).</summary>
    public void SetTags(IEnumerable<string> tags, Actor actor, DateTimeOffset now, string? reason = null)
    {
        var normalised = NormaliseTags(tags);
        if (normalised.SequenceEqual(_tags))
        {
            return;
        }

        var old = string.Join(',', _tags);
        _tags = normalised;
        Record(CaseHistoryKind.TagsChanged, actor, now, "tags", old, string.Join(',', _tags), reason);
    }

    public void Escalate(Actor actor, DateTimeOffset now, string reason)
    {
        EnsureNotClosed("escalation");
        EscalationLevel++;
        Record(CaseHistoryKind.Escalated, actor, now, "escalationLevel", (EscalationLevel - 1).ToString(CultureInfo.InvariantCulture),
            EscalationLevel.ToString(CultureInfo.InvariantCulture), reason);
    }

    private void EnsureNotClosed(string what)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new DomainException("case_closed", $"Case {Reference} is closed: its {what} can no longer change.");
        }
    }

    private void Record(CaseHistoryKind kind, Actor actor, DateTimeOffset now, string? field, string? old, string? @new, string? reason)
    {
        _history.Add(new CaseHistoryEntry(Id, NextSequence(), kind, actor, now, field, old, @new, reason));
        Touch(now);
    }

    // The counter is persisted with the case, so sequences continue correctly when history is not loaded.
    private int NextSequence() => ++HistorySequence;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Describe(IReadOnlyList<CaseStatus> statuses) =>
        statuses.Count == 0 ? "none (the case is final)" : string.Join(", ", statuses);
}
