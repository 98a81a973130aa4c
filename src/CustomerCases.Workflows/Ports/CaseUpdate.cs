namespace CustomerCases.Workflows.Ports;

/// <summary>Changes asked by <c>CustomerCases.UpdateCase</c>; null means "leave as is". Values are the domain's names as text.</summary>
public sealed record CaseUpdate(
    string? Status = null,
    string? Priority = null,
    string? Category = null,
    string? Queue = null,
    IReadOnlyList<string>? AddTags = null);
