namespace CustomerCases.Workflows.Expressions;

/// <summary>An expression could not be evaluated (unsupported language, script error, timeout, limit).</summary>
public sealed class WorkflowExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowExpressionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public WorkflowExpressionException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public WorkflowExpressionException() { }
}
