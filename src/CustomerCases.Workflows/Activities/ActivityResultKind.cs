namespace CustomerCases.Workflows.Activities;

/// <summary>Kinds of <see cref="ActivityResult"/>.</summary>
internal enum ActivityResultKind
{
    /// <summary>Completed; the flowchart follows the outcome ports.</summary>
    Completed,

    /// <summary>Waits on the bookmarks it created.</summary>
    Suspended,

    /// <summary>Completes the enclosing flowchart, cancelling its other work (End, Complete).</summary>
    CompleteFlowchart,

    /// <summary>Ends the whole workflow, clearing all work and bookmarks (Finish).</summary>
    FinishWorkflow,
}
