namespace CustomerCases.Domain.Work;

/// <summary>
/// A named pool of work with a routing strategy. Its members are the agents that list it (see <see cref="Agent.Queues"/>);
/// the name is what workflows and cases refer to.
/// </summary>
public sealed class WorkQueue
{
    /// <summary>Skills routing gives up on the required skills after this long unless the queue says otherwise.</summary>
    public static readonly TimeSpan DefaultSkillsTimeout = TimeSpan.FromMinutes(5);

    private WorkQueue()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public RoutingStrategy Strategy { get; private set; }

    /// <summary>How long a task waits for a member with all its skills before any member may take it.</summary>
    public TimeSpan SkillsTimeout { get; private set; }

    /// <summary>The supervisor queue a task of this queue moves to when it is still open past its due time (none: it is only flagged).</summary>
    public string? OverdueQueue { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WorkQueue Create(string name, RoutingStrategy strategy, TimeSpan? skillsTimeout, DateTimeOffset now, string? overdueQueue = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = NormaliseName(name),
        Strategy = strategy,
        SkillsTimeout = skillsTimeout ?? DefaultSkillsTimeout,
        OverdueQueue = string.IsNullOrWhiteSpace(overdueQueue) ? null : NormaliseName(overdueQueue),
        CreatedAt = now,
    };

    /// <summary>Queue names compare case-insensitively everywhere, so they are stored trimmed and lower-case.</summary>
    public static string NormaliseName(string name) => name.Trim().ToLowerInvariant();
}
