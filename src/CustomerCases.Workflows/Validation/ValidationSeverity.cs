namespace CustomerCases.Workflows.Validation;

/// <summary>Errors block publishing; warnings point at designs that run, but not as designers usually expect.</summary>
public enum ValidationSeverity
{
    /// <summary>The definition cannot run correctly.</summary>
    Error,

    /// <summary>The definition runs, but probably not as intended.</summary>
    Warning,
}
