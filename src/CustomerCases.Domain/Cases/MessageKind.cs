namespace CustomerCases.Domain.Cases;

public enum MessageKind
{
    /// <summary>Written by the customer; reopens a pending or resolved case.</summary>
    CustomerMessage,

    /// <summary>An agent's reply the customer sees; the only kind that counts as a response for SLAs.</summary>
    PublicReply,

    /// <summary>Visible to agents only.</summary>
    InternalNote,
}
