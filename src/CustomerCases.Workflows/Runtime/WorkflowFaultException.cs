namespace CustomerCases.Workflows.Runtime;

/// <summary>Raised by activities (and <c>Elsa.Fault</c>) to record an incident with a clear message.</summary>
public sealed class WorkflowFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowFaultException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public WorkflowFaultException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public WorkflowFaultException() { }
}
