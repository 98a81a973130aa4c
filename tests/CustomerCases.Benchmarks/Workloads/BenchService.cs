using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCases.Benchmarks.Hosting;

namespace CustomerCases.Benchmarks.Workloads;

/// <summary>
/// The real service (child process, fresh SQLite file) running only the given workflow definitions, plus the admin
/// calls scenarios use to seed it through its public API: cases, queues, agents, claims. Seeding is never timed.
/// </summary>
public sealed class BenchService : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(300); // minutes on the shared machine at load 50+

    private BenchService(ServiceProcess process)
    {
        Process = process;
        Admin = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", process.ApiKey);
    }

    public ServiceProcess Process { get; }

    /// <summary>Authenticated with the bootstrap admin key (admin may call everything).</summary>
    public HttpClient Admin { get; }

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>Environment that points the service at a benchmark's definitions folder instead of the shipped workflows.</summary>
    public static Dictionary<string, string> Environment(string definitionsFolder) => new()
    {
        ["Workflows__DefinitionsFolder"] = definitionsFolder,
    };

    /// <summary>Starts (or restarts, on the same database file) the service in <paramref name="workDirectory"/>.</summary>
    public static async Task<BenchService> StartAsync(string workDirectory, string definitionsFolder, CancellationToken ct) =>
        new(await ServiceProcess.StartAsync(workDirectory, ServiceProcess.RealService, Environment(definitionsFolder), ReadyTimeout, ct));

    /// <summary>POST /api/cases <paramref name="count"/> times with <paramref name="parallel"/> requests in flight; returns the case ids.</summary>
    public async Task<List<Guid>> CreateCasesAsync(int count, int parallel, CancellationToken ct)
    {
        var ids = new List<Guid>(count);
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallel)).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= count)
            {
                var id = await CreateCaseAsync(n, ct);
                lock (ids)
                {
                    ids.Add(id);
                }
            }
        }));
        return ids;
    }

    public async Task<Guid> CreateCaseAsync(long n, CancellationToken ct)
    {
        using var response = await Admin.PostAsync(new Uri("/api/cases", UriKind.Relative), Intake.IntakeRequests.Content(n), ct);
        await EnsureAsync(response, HttpStatusCode.Created, "POST /api/cases", ct);
        return CaseIdOf(response);
    }

    /// <summary>The case id from a 201's <c>Location: /api/cases/{id}</c> (no body parsing in timed paths).</summary>
    public static Guid CaseIdOf(HttpResponseMessage response) =>
        Guid.Parse(response.Headers.Location?.OriginalString.Split('/')[^1] ?? throw new InvalidOperationException("201 without Location"));

    public async Task CreateQueueAsync(string name, string strategy, CancellationToken ct)
    {
        using var response = await Admin.PostAsJsonAsync(new Uri("/api/queues", UriKind.Relative), new { name, strategy }, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "POST /api/queues", ct);
    }

    /// <summary>Creates an agent in <paramref name="queue"/>; returns his API key (role agent).</summary>
    public async Task<string> CreateAgentAsync(string name, string queue, int capacity, CancellationToken ct)
    {
        using var response = await Admin.PostAsJsonAsync(new Uri("/api/agents", UriKind.Relative), new { name, queues = new[] { queue }, capacity }, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "POST /api/agents", ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("apiKey").GetString()!;
    }

    /// <summary>Up to 200 queued (unclaimed) task ids of a queue, most urgent first.</summary>
    public async Task<List<Guid>> QueuedTaskIdsAsync(string queue, CancellationToken ct)
    {
        using var response = await Admin.GetAsync(new Uri($"/api/tasks?queue={queue}&status=Queued&pageSize=200", UriKind.Relative), ct);
        await EnsureAsync(response, HttpStatusCode.OK, "GET /api/tasks", ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return [.. body.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];
    }

    public async Task ClaimAsync(Guid taskId, string agentKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", agentKey);
        using var response = await Admin.SendAsync(request, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "POST /api/tasks/{id}/claim", ct);
    }

    private async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException(
                $"seeding: {what} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}{System.Environment.NewLine}service output:{System.Environment.NewLine}{Process.OutputTail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Process.DisposeAsync();
    }
}
