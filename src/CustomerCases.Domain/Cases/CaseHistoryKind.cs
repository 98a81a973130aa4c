namespace CustomerCases.Domain.Cases;

/// <summary>What a history entry records. SLA and reports are computed from these entries, so they are never edited.</summary>
public enum CaseHistoryKind
{
    Created,
    StatusChanged,
    PriorityChanged,
    CategoryChanged,
    QueueChanged,
    AssigneeChanged,
    TagsChanged,
    MessageAdded,
    SubjectChanged,
    FollowUpCreated,
    Escalated,
    TaskCompleted,
    TaskOverdue,
}
