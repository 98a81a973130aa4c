using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;

namespace CustomerCases.Benchmarks.Baselines;

/// <summary>
/// The raw baselines (performance.md §3.1) as a minimal Kestrel app inside the benchmark process, on its own loopback
/// port, so every scenario can measure "what this machine allows right now" in the same run as the service.
/// B-json: <c>GET /_perf/json</c>. B-insert: <c>POST /_perf/insert</c> (<see cref="SerialSqliteWriter"/>).
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SerialSqliteWriter _writer;

    private BaselineServer(WebApplication app, SerialSqliteWriter writer, Uri baseAddress)
    {
        _app = app;
        _writer = writer;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BaselineServer> StartAsync(string workDirectory, SqliteDatabaseSettings settings, CancellationToken ct)
    {
        var port = Hosting.FreePort.Next();
        // Content root = the scratch folder, so the service's appsettings.json copied beside this assembly is not read.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = workDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        var writer = new SerialSqliteWriter(Path.Combine(workDirectory, "baseline.db"), settings, TimeProvider.System);
        var app = builder.Build();
        app.MapGet("/_perf/json", () => TypedResults.Ok(new JsonMessage("Hello, World!")));
        app.MapPost("/_perf/insert", async (InsertRequest request) =>
        {
            if (!request.IsValid)
            {
                return Results.BadRequest();
            }
            var id = await writer.InsertAsync(request);
            return Results.Created($"/_perf/insert/{id}", new Inserted(id));
        });

        await app.StartAsync(ct);
        return new BaselineServer(app, writer, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _writer.Dispose();
    }

    private sealed record JsonMessage(string Message);

    private sealed record Inserted(long Id);
}
