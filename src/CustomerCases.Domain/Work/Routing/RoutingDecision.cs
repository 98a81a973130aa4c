namespace CustomerCases.Domain.Work.Routing;

/// <summary>
/// Why a task went to whom: the strategy, every member considered and why he was or was not chosen. Stored with
/// every assignment so "why did I get this?" and "why is this still waiting?" have answers (routing must not be a black box).
/// </summary>
public sealed record RoutingDecision(
    string Strategy,
    Guid? ChosenAgentId,
    string Summary,
    bool SkillsRelaxed,
    IReadOnlyList<CandidateVerdict> Candidates,
    DateTimeOffset DecidedAt)
{
    public bool Assigns => ChosenAgentId is not null;
}

/// <summary>One member's part in a decision: eligible or not, chosen or not, and the reason in words.</summary>
public sealed record CandidateVerdict(Guid AgentId, string Name, bool Eligible, bool Chosen, string Reason);
