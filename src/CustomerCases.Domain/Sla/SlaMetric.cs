namespace CustomerCases.Domain.Sla;

/// <summary>What an SLA target measures.</summary>
public enum SlaMetric
{
    /// <summary>From creation to the first public reply by a person (automated replies do not count).</summary>
    FirstResponse,

    /// <summary>From the oldest unanswered customer message (after the first response) to the next public reply by a person; one cycle per exchange.</summary>
    NextReply,

    /// <summary>From creation until the case is Resolved or Closed.</summary>
    Resolution,
}

/// <summary>Where a target stands; breaching is a separate flag (a completed target may have breached).</summary>
public enum SlaStage
{
    InProgress,
    Paused,
    Completed,
    Cancelled,
}
