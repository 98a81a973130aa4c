namespace CustomerCases.Domain.Work;

/// <summary>Queued (waiting in its queue, nobody holds it) → Assigned (one agent holds it) → Completed or Cancelled.</summary>
public enum HumanTaskStatus
{
    Queued,
    Assigned,
    Completed,
    Cancelled,
}
