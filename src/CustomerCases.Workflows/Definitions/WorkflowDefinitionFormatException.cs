namespace CustomerCases.Workflows.Definitions;

/// <summary>The document is not an Elsa 3 workflow definition (malformed JSON, Elsa 2 export, no root).</summary>
public sealed class WorkflowDefinitionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public WorkflowDefinitionFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionFormatException() { }
}
