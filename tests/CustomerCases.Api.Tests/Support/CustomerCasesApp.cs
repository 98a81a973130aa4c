using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Support;

/// <summary>The real service in memory (WebApplicationFactory) on a real database, with helpers to call it as a role.</summary>
/// <remarks>
/// By default no workflow definitions are imported, so API tests see only the case rules; tests of the shipped
/// workflows pass <c>shippedWorkflows: true</c>.
/// </remarks>
public sealed class CustomerCasesApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
    bool shippedWorkflows = false)
    : WebApplicationFactory<Program>
{
    private static readonly string NoWorkflows = Directory.CreateTempSubdirectory("cc-no-workflows-").FullName;

    public const string AdminKey = "test-bootstrap-admin-key";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:CustomerCases", database.ConnectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Jobs:RunServer", "false");
        // Information logs of hundreds of in-memory hosts would bury a failing test's report in CI's output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No model unless a test asks for one: without a model every case is routed to a person (the triage queue).
        builder.UseSetting("Triage:TrainStarterModelWhenEmpty", "false");
        // No MiniLM (≈300 MB, seconds to load) unless a test registers an embedder; refinements are driven by hand.
        builder.UseSetting("Triage:Refinement:Enabled", "false");
        builder.UseSetting("Triage:Refinement:RunWorker", "false");
        if (!shippedWorkflows)
        {
            builder.UseSetting("Workflows:DefinitionsFolder", NoWorkflows);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public HttpClient Admin => ClientFor(AdminKey);

    public HttpClient Anonymous => CreateClient();

    public HttpClient ClientFor(string secret)
    {
        if (!_clients.TryGetValue(secret, out var client))
        {
            client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", secret);
            _clients[secret] = client;
        }

        return client;
    }

    /// <summary>Creates an API key with the given roles through the admin API and returns a client that uses it.</summary>
    public async Task<HttpClient> ClientWithRolesAsync(params string[] roles)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "test " + string.Join('+', roles), roles });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return ClientFor(created!.Secret);
    }

    private sealed record CreatedKey(string Secret);
}
