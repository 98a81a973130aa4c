namespace CustomerCases.Domain.Common;

/// <summary>
/// A request that the domain refuses because it would break an invariant (an illegal status transition,
/// a change to a closed case). The API answers it with 409 Conflict; <see cref="Code"/> is stable for clients.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
