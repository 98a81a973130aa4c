using CustomerCases.Domain.Work;

namespace CustomerCases.Api.Features.Agents;

internal sealed record AgentResponse(
    Guid Id,
    string Name,
    Guid ApiKeyId,
    IReadOnlyList<string> Queues,
    IReadOnlyList<string> Skills,
    int Capacity,
    AgentPresence Presence,
    int OpenTasks,
    DateTimeOffset? LastAssignedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static AgentResponse From(Agent a, int openTasks) =>
        new(a.Id, a.Name, a.ApiKeyId, a.Queues, a.Skills, a.Capacity, a.Presence, openTasks, a.LastAssignedAt, a.CreatedAt, a.UpdatedAt, a.Version);
}

internal sealed record QueueResponse(Guid Id, string Name, RoutingStrategy Strategy, TimeSpan SkillsTimeout, IReadOnlyList<QueueMember> Members,
    int WaitingTasks, DateTimeOffset CreatedAt, string? OverdueQueue = null);

internal sealed record QueueMember(Guid Id, string Name, AgentPresence Presence);
