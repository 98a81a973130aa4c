namespace CustomerCases.Domain.Cases;

/// <summary>Ordered from least to most urgent, so comparisons (&gt;) mean "more urgent".</summary>
public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
