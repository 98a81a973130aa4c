namespace CustomerCases.Domain.Cases;

/// <summary>What intake knows about a new case before it exists.</summary>
public sealed record CaseDraft(
    string Subject,
    string Description,
    CaseChannel Channel = CaseChannel.Web,
    CasePriority Priority = CasePriority.Normal,
    string? Category = null)
{
    public IReadOnlyCollection<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

    public Guid? FollowUpOfCaseId { get; init; }
}
