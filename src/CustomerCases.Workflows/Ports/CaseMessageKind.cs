namespace CustomerCases.Workflows.Ports;

/// <summary>Who sees a message added by <c>CustomerCases.AddCaseMessage</c>.</summary>
public enum CaseMessageKind
{
    /// <summary>A reply sent to the customer.</summary>
    PublicReply,

    /// <summary>A note for agents only.</summary>
    InternalNote,
}
