using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using CustomerCases.Api.Tests.Support;
using Microsoft.Playwright;

namespace CustomerCases.Api.Tests.Studio;

/// <summary>
/// One service on a real port (Kestrel in process, the shipped workflows imported) and one headless Chromium per test
/// class; each test opens its own browser context. The designer's key is a real key with the designer role.
/// </summary>
public abstract class StudioFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CustomerCasesApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;
    private HttpClient? _admin;

    public Uri Address { get; private set; } = null!;

    public string DesignerKey { get; private set; } = "";

    public HttpClient Admin
    {
        get
        {
            RequireReady();
            return _admin!;
        }
    }

    public IBrowser Browser
    {
        get
        {
            RequireReady();
            return _browser!;
        }
    }

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    /// <summary>Skips the test (with the reason) when Chromium, Studio's files or the database are missing.</summary>
    private void RequireReady()
    {
        StudioPrerequisites.Require(_missing);
        if (_browser is null)
        {
            Assert.Skip(TestDatabase.PostgresSkipReason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _missing = StudioPrerequisites.Missing();
        if (_missing is not null)
        {
            return;
        }

        _database = await CreateDatabaseAsync();
        if (_database is null)
        {
            return;
        }

        var port = FreePort();
        _app = new CustomerCasesApp(_database, shippedWorkflows: true);
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _app.StartServer();
        Address = new Uri($"http://127.0.0.1:{port}");
        _admin = new HttpClient { BaseAddress = Address };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", CustomerCasesApp.AdminKey);
        var created = await _admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "studio designer", roles = new[] { "designer" } });
        created.EnsureSuccessStatusCode();
        DesignerKey = (await created.Content.ReadFromJsonAsync<Key>())!.Secret;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = StudioPrerequisites.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _admin?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Key(string Secret);
}

public sealed class StudioSqliteFixture : StudioFixture
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class StudioPostgreSqlFixture : StudioFixture
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
