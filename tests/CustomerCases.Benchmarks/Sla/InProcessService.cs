using System.Net;
using CustomerCases.Benchmarks.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// The real service inside this process (WebApplicationFactory on Kestrel, a loopback port, a fresh SQLite folder), so a
/// scenario can reach its services (seed rows, read metrics) and run an in-process baseline beside it under the same
/// runtime, GC and thread pool; the load client still talks HTTP over sockets.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly WebApplicationFactory<CustomerCases.Api.Sla.SlaOptions> _factory;

    private InProcessService(WebApplicationFactory<CustomerCases.Api.Sla.SlaOptions> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the service with <paramref name="settings"/> (configuration keys) and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<InProcessService> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("cc-bench-sla-").FullName;
        // The factory looks for the Api's source folder as content root; the binaries folder has everything it needs.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CUSTOMERCASES_API", AppContext.BaseDirectory);
        var port = FreePort.Next();
        var factory = new WebApplicationFactory<CustomerCases.Api.Sla.SlaOptions>() // any Api type: the factory runs that assembly's entry point
            .WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Benchmark");
                b.UseSetting("Database:DataFolder", folder);
                b.UseSetting("Auth:BootstrapAdminKey", AdminKey);
                b.UseSetting("Logging:LogLevel:Default", "Warning");
                foreach (var (key, value) in settings)
                {
                    b.UseSetting(key, value);
                }
            });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var service = new InProcessService(factory, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilReadyAsync(ct);
        return service;
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2); // a cold start on a busy 2-core machine (starter model training) is slow
        var last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                last = "timeout";
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"the in-process service was not ready after 2 minutes ({last})");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
