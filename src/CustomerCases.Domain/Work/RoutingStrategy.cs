namespace CustomerCases.Domain.Work;

/// <summary>How a queue hands its waiting tasks to its members.</summary>
public enum RoutingStrategy
{
    /// <summary>Nobody is assigned automatically: agents claim tasks from the queue.</summary>
    Pull,

    /// <summary>The available member who has waited longest since his last assignment.</summary>
    RoundRobin,

    /// <summary>The available member with the most free capacity.</summary>
    LeastLoaded,

    /// <summary>Members with every required skill (then least loaded); any member once the queue's skills timeout passed.</summary>
    Skills,
}
