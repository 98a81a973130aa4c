namespace CustomerCases.Persistence.Idempotency;

/// <summary>
/// The first answer to a request sent with an Idempotency-Key. Written in the same transaction as the work, so a
/// retry either finds the committed answer or finds nothing and nothing was done.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it and to which operation (e.g. "cases.create:apikey-id"): keys are private to a caller.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body: the same key with another body is the client's mistake, answered 422.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string? Location { get; set; }

    public string ResponseJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
