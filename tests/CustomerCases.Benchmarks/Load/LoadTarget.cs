namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// One endpoint under load: a name for the report, the status that counts as success, and a factory that builds
/// a fresh request for the n-th call (HttpRequestMessage cannot be reused).
/// </summary>
public sealed record LoadTarget(string Name, System.Net.HttpStatusCode ExpectedStatus, Func<long, HttpRequestMessage> CreateRequest);
