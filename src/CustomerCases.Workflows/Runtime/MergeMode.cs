namespace CustomerCases.Workflows.Runtime;

/// <summary>How a flowchart target with several inbound connections decides to run (ADR 0007, plus FlowJoin's WaitAllActive).</summary>
internal enum MergeMode
{
    /// <summary>Default: run when no direct inbound source still holds an unconsumed token (dead paths ignored).</summary>
    Stream,

    /// <summary>Wait for a token on every forward inbound connection.</summary>
    Merge,

    /// <summary>Wait for a token on every inbound connection, forward and backward.</summary>
    Converge,

    /// <summary>Run once per arriving token.</summary>
    Cascade,

    /// <summary>First token wins; the other inbound branches are cancelled (FlowJoin WaitAny).</summary>
    Race,

    /// <summary>FlowJoin WaitAllActive: wait for every inbound branch that can still arrive.</summary>
    WaitAllActive,
}
