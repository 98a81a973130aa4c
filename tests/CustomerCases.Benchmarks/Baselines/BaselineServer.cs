using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CustomerCases.Benchmarks.Baselines;

/// <summary>
/// The raw baselines (performance.md §3.1) as a minimal Kestrel app, so every scenario can measure "what this machine
/// allows right now" in the same run as the service. B-json: <c>GET /_perf/json</c>. B-insert: <c>POST /_perf/insert</c>
/// (<see cref="SerialSqliteWriter"/>). Hosted inside the benchmark process (<see cref="StartAsync"/>), or as a child
/// process like the service (<see cref="ServeAsync"/>, started through <see cref="Hosting.ServiceProcess"/>), which
/// keeps the load client's GC and thread pool out of the baseline's latencies.
/// </summary>
public sealed class BaselineServer : Hosting.IRunningServer
{
    /// <summary>Argument that makes the benchmark executable serve the baselines (used by <see cref="ChildCommand"/>).</summary>
    public const string ServeFlag = "--serve-baseline";

    private readonly WebApplication _app;
    private readonly SerialSqliteWriter _writer;

    private BaselineServer(WebApplication app, SerialSqliteWriter writer, Uri baseAddress)
    {
        _app = app;
        _writer = writer;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int? ProcessId => null;

    public void EnsureRunning()
    {
        // In this process: if it is gone, so are we.
    }

    /// <summary>Runs the baselines as a child process; the database is the launcher's <c>ConnectionStrings__CustomerCases</c>.</summary>
    public static Hosting.ServiceCommand ChildCommand { get; } = new("CustomerCases.Benchmarks.dll", ["intake", ServeFlag], DatabaseFileName: "baseline.db");

    public static async Task<BaselineServer> StartAsync(string workDirectory, SqliteDatabaseSettings settings, CancellationToken ct)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{Hosting.FreePort.Next()}");
        var (app, writer) = Build(["--urls", baseAddress.ToString().TrimEnd('/')], Path.Combine(workDirectory, "baseline.db"), settings);
        await app.StartAsync(ct);
        return new BaselineServer(app, writer, baseAddress);
    }

    /// <summary>Child-process entry point: serves until killed. Reads <c>--urls</c> and the connection string like the service.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            configuration.GetConnectionString("CustomerCases") ?? throw new InvalidOperationException("ConnectionStrings__CustomerCases is not set")).DataSource;
        var (app, writer) = Build(args, dataSource, SqliteDatabaseSettings.Default);
        await using (app)
        using (writer)
        {
            await app.RunAsync();
        }
        return 0;
    }

    private static (WebApplication App, SerialSqliteWriter Writer) Build(string[] args, string databasePath, SqliteDatabaseSettings settings)
    {
        // Content root = an empty folder of its own, so the service's appsettings.json copied beside this assembly is not
        // read and no file watcher sees the databases' writes.
        var builder = WebApplication.CreateSlimBuilder(Support.UnwatchedHost.Options(args));
        builder.Logging.ClearProviders();
        var writer = new SerialSqliteWriter(databasePath, settings, TimeProvider.System);
        var app = builder.Build();
        app.MapGet("/health/ready", () => TypedResults.Ok());
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
        return (app, writer);
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
