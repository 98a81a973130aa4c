namespace CustomerCases.Workflows.Validation;

/// <summary>One problem, tied to an activity when it has one.</summary>
public sealed record ValidationIssue(ValidationSeverity Severity, string? ActivityId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity} {(ActivityId is null ? "" : $"[{ActivityId}] ")}{Message}";
}
