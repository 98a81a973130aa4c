using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Work;

/// <summary>
/// A person who works tasks, signed in with his own API key (role agent). Routing offers him work from his queues
/// while he is available and holds fewer open tasks than his capacity.
/// </summary>
public sealed class Agent
{
    private List<string> _queues = [];
    private List<string> _skills = [];

    private Agent()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The API key the agent calls with; the caller's key id finds his agent.</summary>
    public Guid ApiKeyId { get; private set; }

    public IReadOnlyList<string> Queues => _queues;

    public IReadOnlyList<string> Skills => _skills;

    /// <summary>How many tasks he may hold at once.</summary>
    public int Capacity { get; private set; }

    public AgentPresence Presence { get; private set; }

    /// <summary>When routing last gave him a task ("idle longest" in round-robin); null when never.</summary>
    public DateTimeOffset? LastAssignedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static Agent Create(string name, Guid apiKeyId, IEnumerable<string> queues, IEnumerable<string> skills, int capacity, DateTimeOffset now)
    {
        EnsureCapacity(capacity);
        return new Agent
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            ApiKeyId = apiKeyId,
            _queues = NormaliseQueues(queues),
            _skills = NormaliseSkills(skills),
            Capacity = capacity,
            Presence = AgentPresence.Available,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    public bool IsMemberOf(string queue) => _queues.Contains(WorkQueue.NormaliseName(queue), StringComparer.Ordinal);

    public void ChangeQueues(IEnumerable<string> queues, DateTimeOffset now)
    {
        _queues = NormaliseQueues(queues);
        Touch(now);
    }

    public void ChangeSkills(IEnumerable<string> skills, DateTimeOffset now)
    {
        _skills = NormaliseSkills(skills);
        Touch(now);
    }

    public void ChangeCapacity(int capacity, DateTimeOffset now)
    {
        EnsureCapacity(capacity);
        Capacity = capacity;
        Touch(now);
    }

    public void ChangePresence(AgentPresence presence, DateTimeOffset now)
    {
        Presence = presence;
        Touch(now);
    }

    /// <summary>Routing gave him a task: he is no longer the one idle longest.</summary>
    public void RecordAssignment(DateTimeOffset now) => LastAssignedAt = now;

    public Actor ToActor() => new(ActorKind.User, ApiKeyId.ToString(), Name);

    public static List<string> NormaliseSkills(IEnumerable<string> skills) =>
        skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<string> NormaliseQueues(IEnumerable<string> queues) =>
        queues.Select(WorkQueue.NormaliseName).Where(q => q.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    private static void EnsureCapacity(int capacity)
    {
        if (capacity is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be between 0 and 1000.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
