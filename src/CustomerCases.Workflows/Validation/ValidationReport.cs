namespace CustomerCases.Workflows.Validation;

/// <summary>Every issue found in a definition, all at once.</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>Issues that block publishing.</summary>
    public IReadOnlyList<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();

    /// <summary>Advisory issues.</summary>
    public IReadOnlyList<ValidationIssue> Warnings => Issues.Where(i => i.Severity == ValidationSeverity.Warning).ToList();

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Issues.All(i => i.Severity != ValidationSeverity.Error);
}
