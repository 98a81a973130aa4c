namespace CustomerCases.Domain.Work.Routing;

/// <summary>A queue member as routing sees him at one moment: presence, skills, and how many tasks he holds.</summary>
public sealed record RoutingCandidate(
    Guid AgentId,
    string Name,
    AgentPresence Presence,
    int Capacity,
    int OpenTasks,
    IReadOnlyList<string> Skills,
    DateTimeOffset? LastAssignedAt)
{
    public int FreeCapacity => Math.Max(0, Capacity - OpenTasks);

    public static RoutingCandidate From(Agent agent, int openTasks)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new(agent.Id, agent.Name, agent.Presence, agent.Capacity, openTasks, agent.Skills, agent.LastAssignedAt);
    }
}
