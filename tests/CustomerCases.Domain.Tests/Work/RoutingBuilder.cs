using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;

namespace CustomerCases.Domain.Tests.Work;

internal static class RoutingBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static RoutingCandidate Member(string name, int open = 0, int capacity = 3, AgentPresence presence = AgentPresence.Available,
        DateTimeOffset? lastAssigned = null, params string[] skills) =>
        new(GuidFor(name), name, presence, capacity, open, skills, lastAssigned);

    public static RoutingTask Task(DateTimeOffset? queuedAt = null, string? assignee = null, params string[] skills) =>
        new(Guid.NewGuid(), skills, queuedAt ?? T0, assignee);

    public static Guid GuidFor(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
}
