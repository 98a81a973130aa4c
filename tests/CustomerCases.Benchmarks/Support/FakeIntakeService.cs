using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CustomerCases.Benchmarks.Support;

/// <summary>
/// Harness self-test only (<c>intake --self-test</c>): a stand-in for CustomerCases.Api that speaks the same contract
/// (same environment variables, <c>/health/ready</c>, <c>POST /api/cases</c> with <c>Authorization: ApiKey</c>) and
/// stores rows exactly like B-insert, but in a child process. It exercises the launcher end to end, and since it
/// does B-insert's work out of process, its ratio to B-insert shows how much hosting the baseline in the client's
/// process skews the comparison (ideally ≈ 1).
/// </summary>
internal static class FakeIntakeService
{
    public const string Flag = "--serve-fake-service";

    public static ServiceCommand Command { get; } = new("CustomerCases.Benchmarks.dll", ["intake", Flag]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(UnwatchedHost.Options(args));
        builder.Logging.ClearProviders();
        var apiKey = builder.Configuration["Auth:BootstrapAdminKey"] ?? throw new InvalidOperationException("Auth:BootstrapAdminKey is not set");
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            builder.Configuration.GetConnectionString("CustomerCases") ?? throw new InvalidOperationException("ConnectionStrings:CustomerCases is not set")).DataSource;

        using var writer = new SerialSqliteWriter(dataSource, SqliteDatabaseSettings.Default, TimeProvider.System);
        var app = builder.Build();
        var expectedAuthorization = $"ApiKey {apiKey}";
        app.MapGet("/health/ready", () => TypedResults.Ok());
        app.MapPost("/api/cases", async (HttpRequest http, InsertRequest request) =>
        {
            if (http.Headers.Authorization != expectedAuthorization)
            {
                return Results.Unauthorized();
            }
            if (!request.IsValid)
            {
                return Results.BadRequest();
            }
            var id = await writer.InsertAsync(request);
            return Results.Created($"/api/cases/{id}", new { id });
        });
        await app.RunAsync();
        return 0;
    }
}
