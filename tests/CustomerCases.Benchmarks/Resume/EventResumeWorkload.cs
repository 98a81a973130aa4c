using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Resume;

/// <summary>
/// event-resume (G3/G9 resume latency over HTTP): cases whose "bench-event" workflow waits on an <c>Elsa.Event</c>
/// bookmark; the measured request is <c>POST /elsa/api/events/bench-resume/trigger {correlationId: caseId}</c>:
/// bookmark lookup by stimulus hash and correlation id → resume → internal note → end → one commit → 200.
/// </summary>
public sealed class EventResumeWorkload(ServiceRef current) : IResumeWorkload
{
    private readonly ConcurrentQueue<Guid> _pool = new();
    private long _exhausted;
    private long _notResumed;
    private Guid? _template;

    private BenchService Service => current.Service;

    public string Name => "event-resume";

    public string Description =>
        $"POST /elsa/api/events/{BenchWorkflows.ResumeEvent}/trigger {{correlationId}}: bookmark by hash + correlation → resume → internal note → end → commit";

    public int Available => _pool.Count;

    public long Exhausted => Interlocked.Read(ref _exhausted);

    public long NotResumed => Interlocked.Read(ref _notResumed);

    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<Guid> PrepareTemplateAsync(CancellationToken ct)
    {
        _template = await Service.CreateCaseAsync(0, ct);
        return _template.Value;
    }

    public void AddClones(int copies)
    {
        var template = _template ?? throw new InvalidOperationException("no template");
        _pool.Enqueue(template);
        for (var copy = 0; copy < copies; copy++)
        {
            _pool.Enqueue(Soak.BulkCloner.CloneId(template, copy));
        }
    }

    /// <summary>Adds a case created elsewhere (e.g. by a measured intake phase) whose workflow waits for the event.</summary>
    public void Offer(Guid caseId) => _pool.Enqueue(caseId);

    public async Task TopUpAsync(int wanted, CancellationToken ct)
    {
        while (_pool.Count < wanted)
        {
            foreach (var id in await Service.CreateCasesAsync(Math.Min(wanted - _pool.Count, 1000), parallel: 16, ct))
            {
                _pool.Enqueue(id);
            }
        }
    }

    public LoadTarget Target()
    {
        var authorization = new AuthenticationHeaderValue("ApiKey", Service.Process.ApiKey);
        var trigger = new Uri(Service.BaseAddress, $"/elsa/api/events/{BenchWorkflows.ResumeEvent}/trigger");
        // An event nobody waits for would be queued (200): an empty pool sends a blank event name instead (400).
        var refused = new Uri(Service.BaseAddress, "/elsa/api/events/%20/trigger");
        return new LoadTarget("service POST /elsa/api/events/{name}/trigger", HttpStatusCode.OK, _ =>
        {
            Uri uri;
            string body;
            if (_pool.TryDequeue(out var caseId))
            {
                uri = trigger;
                body = $$"""{"correlationId":"{{caseId}}"}""";
            }
            else
            {
                Interlocked.Increment(ref _exhausted);
                uri = refused;
                body = "{}";
            }
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = authorization;
            return request;
        }, Service.Process.ProcessId, Observe: response =>
        {
            // The body is already buffered; an empty resumed list means the event only got queued.
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (text.Contains("\"resumedWorkflowInstanceIds\":[]", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _notResumed);
            }
        });
    }
}
