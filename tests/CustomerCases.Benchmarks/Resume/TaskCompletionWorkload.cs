using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Resume;

/// <summary>
/// complete-task (G3): cases whose "bench-task" workflow waits on a human task in a pull queue; each task is claimed
/// by an agent while seeding, and the measured request is the holder's <c>POST /api/tasks/{id}/complete</c> (with an
/// Idempotency-Key, as clients send it): complete → resume on Done → internal note on the case → new Event bookmark →
/// one commit → 200.
/// </summary>
public sealed class TaskCompletionWorkload(ServiceRef current) : IResumeWorkload
{
    /// <summary>The most tasks one agent may hold (the API's capacity limit); more agents are created as needed.</summary>
    private const int AgentCapacity = 1000;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"outcome":"Done","data":{}}""");
    private readonly ConcurrentQueue<(Guid TaskId, AuthenticationHeaderValue Agent)> _pool = new();
    private readonly List<(AuthenticationHeaderValue Key, int Held)> _agents = [];
    private long _exhausted;
    private (Guid TaskId, AuthenticationHeaderValue Agent)? _template;

    private BenchService Service => current.Service;

    public string Name => "complete-task";

    public string Description =>
        "POST /api/tasks/{id}/complete by the agent holding the task (claimed while seeding): resume → internal note → next bookmark (Event) → commit";

    public int Available => _pool.Count;

    public long Exhausted => Interlocked.Read(ref _exhausted);

    public long NotResumed => 0; // 200 means the workflow was resumed; otherwise the service answers 409

    public Task PrepareAsync(CancellationToken ct) => Service.CreateQueueAsync(BenchWorkflows.TaskQueue, "Pull", ct);

    public async Task<Guid> PrepareTemplateAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var caseId = await Service.CreateCaseAsync(0, ct);
        var task = (await Service.QueuedTaskIdsAsync(BenchWorkflows.TaskQueue, ct)).Single();
        var holder = (await HoldersAsync(1, ct))[0];
        await Service.ClaimAsync(task, holder.Parameter!, ct);
        _template = (task, holder);
        return caseId;
    }

    /// <summary>Clones of a claimed task are held by the same agent (beyond his capacity: capacity is checked when claiming, not when completing).</summary>
    public void AddClones(int copies)
    {
        var (task, agent) = _template ?? throw new InvalidOperationException("no template");
        // The holder now holds the clones too: no more claims for him, or top-ups would hit his capacity (409).
        var holder = _agents.FindIndex(a => a.Key == agent);
        _agents[holder] = (agent, AgentCapacity);
        _pool.Enqueue((task, agent));
        for (var copy = 0; copy < copies; copy++)
        {
            _pool.Enqueue((Soak.BulkCloner.CloneId(task, copy), agent));
        }
    }

    public async Task TopUpAsync(int wanted, CancellationToken ct)
    {
        while (_pool.Count < wanted)
        {
            await Service.CreateCasesAsync(Math.Min(wanted - _pool.Count, 500), parallel: 16, ct);
            List<Guid> queued;
            while ((queued = await Service.QueuedTaskIdsAsync(BenchWorkflows.TaskQueue, ct)).Count > 0)
            {
                var holders = await HoldersAsync(queued.Count, ct);
                await Parallel.ForEachAsync(queued.Zip(holders), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (pair, c) =>
                {
                    await Service.ClaimAsync(pair.First, pair.Second.Parameter!, c);
                    _pool.Enqueue((pair.First, pair.Second));
                });
            }
        }
    }

    /// <summary>An agent with room for each of <paramref name="count"/> tasks, creating agents when all are full.</summary>
    private async Task<List<AuthenticationHeaderValue>> HoldersAsync(int count, CancellationToken ct)
    {
        var holders = new List<AuthenticationHeaderValue>(count);
        while (holders.Count < count)
        {
            var index = _agents.FindIndex(a => a.Held < AgentCapacity);
            if (index < 0)
            {
                var key = await Service.CreateAgentAsync($"bench-agent-{_agents.Count + 1}", BenchWorkflows.TaskQueue, AgentCapacity, ct);
                _agents.Add((new AuthenticationHeaderValue("ApiKey", key), 0));
                index = _agents.Count - 1;
            }
            var (agent, held) = _agents[index];
            var take = Math.Min(count - holders.Count, AgentCapacity - held);
            holders.AddRange(Enumerable.Repeat(agent, take));
            _agents[index] = (agent, held + take);
        }
        return holders;
    }

    public LoadTarget Target()
    {
        var admin = new AuthenticationHeaderValue("ApiKey", Service.Process.ApiKey);
        return new LoadTarget("service POST /api/tasks/{id}/complete", HttpStatusCode.OK, _ =>
        {
            if (!_pool.TryDequeue(out var item))
            {
                // No task left: a task that does not exist (404), counted as an error, never a fake success.
                Interlocked.Increment(ref _exhausted);
                item = (Guid.Empty, admin);
            }
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Service.BaseAddress, $"/api/tasks/{item.TaskId}/complete"))
            {
                Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Authorization = item.Agent;
            request.Headers.Add("Idempotency-Key", $"bench-{item.TaskId:N}");
            return request;
        }, Service.Process.ProcessId);
    }
}
