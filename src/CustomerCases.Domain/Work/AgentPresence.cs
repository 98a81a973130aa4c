namespace CustomerCases.Domain.Work;

/// <summary>Whether an agent takes new work now. Only available agents are offered tasks by routing.</summary>
public enum AgentPresence
{
    Available,
    Away,
}
