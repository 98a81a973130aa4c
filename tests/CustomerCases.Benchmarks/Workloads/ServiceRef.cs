namespace CustomerCases.Benchmarks.Workloads;

/// <summary>The service a workload talks to, swapped when a scenario restarts it (e.g. after bulk seeding its database).</summary>
public sealed class ServiceRef(BenchService service) : IAsyncDisposable
{
    public BenchService Service { get; set; } = service;

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
