namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// One endpoint under load: a name for the report, the status that counts as success, a factory that builds a fresh
/// request for the n-th call (HttpRequestMessage cannot be reused), and the server's process id when it runs in its
/// own process (its CPU use is then reported per request). <paramref name="Observe"/>, when given, sees every response
/// with the expected status (headers only, e.g. a <c>Location</c> to feed a later phase); keep it cheap, it runs in the timed path.
/// </summary>
public sealed record LoadTarget(
    string Name, System.Net.HttpStatusCode ExpectedStatus, Func<long, HttpRequestMessage> CreateRequest, int? ServerProcessId = null,
    Action<HttpResponseMessage>? Observe = null);
