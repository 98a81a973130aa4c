using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCases.Api.Sla;
using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>Policies and calendars: files validated at start, managed and versioned through the API.</summary>
public abstract class SlaDefinitionTests : SlaTestHost
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Put_TheRequiredShape_IsAcceptedAndVersioned()
    {
        RequireDatabase();
        var before = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "Urgent", category: "before-change"));
        var changed = SlaTestDefinitions.UrgentFast.Replace("PT8H", "PT6H", StringComparison.Ordinal);

        var put = await App.Admin.PutAsync("/api/sla/policies/urgent-fast", Json(changed));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var again = await App.Admin.PutAsync("/api/sla/policies/urgent-fast", Json(changed));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // unchanged: no new version

        var current = (await App.Admin.GetFromJsonAsync<SlaDefinitionDto>("/api/sla/policies/urgent-fast"))!;
        Assert.Equal(2, current.Version);
        Assert.Equal([1, 2], current.Versions);
        Assert.StartsWith("api:", current.Source, StringComparison.Ordinal);
        Assert.Equal(1, (await App.Admin.GetFromJsonAsync<SlaDefinitionDto>("/api/sla/policies/urgent-fast?version=1"))!.Version);
        var list = (await App.Admin.GetFromJsonAsync<List<SlaDefinitionDto>>("/api/sla/policies"))!;
        Assert.Equal(["high-fast", "office-standard", "urgent-fast"], list.Select(p => p.Id));

        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "Urgent"));
        var sla = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;
        Assert.Equal(("urgent-fast", 2), (sla.PolicyId, sla.PolicyVersion));
        Assert.Equal(created.CreatedAt.AddHours(6), sla.Targets.Single(t => t.Metric == "Resolution").DueAt);

        // The repair job (enqueued by the PUT) recomputes existing cases from their history under the new version.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaRecomputeJob>().RunAsync(CancellationToken.None);
        }

        var repaired = (await TargetsAsync(before.Id)).Single(t => t.Metric == "Resolution");
        Assert.Equal((2, before.CreatedAt.AddHours(6), before.CreatedAt.AddHours(8)), (repaired.PolicyVersion, repaired.DueAt, repaired.OriginalDueAt));
        // Its alarm moved with it: the 50 % warning of 6 h (was 4 h of 8 h).
        Assert.Equal(before.CreatedAt.AddHours(3), repaired.AlarmAt);
    }

    [Fact]
    public async Task Put_InvalidPolicy_Answers400WithEveryError()
    {
        RequireDatabase();
        const string bad = """{"id":"bad","order":0,"condition":"case.prio == 'x'","calendar":"nowhere","targets":{"firstResponse":"8h","resolution":"P1DT2H","speed":"PT1H"},"warnAt":[1.5],"pauseWhen":["Closed"]}""";

        var response = await App.Admin.PutAsync("/api/sla/policies/bad", Json(bad));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.Errors!.SelectMany(e => e.Value.Select(m => e.Key + ": " + m)).ToList();
        Assert.Contains(messages, m => m.StartsWith("targets.firstResponse", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("targets.resolution", StringComparison.Ordinal) && m.Contains("mixes", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("targets.speed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("warnAt", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("pauseWhen", StringComparison.Ordinal) && m.Contains("never ends", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("calendar", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("case.prio", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"id":"never","order":50,"condition":"case.priority == 'Urgent' && case.priority == 'Low'","targets":{"resolution":"PT1H"}}""", "can never hold")]
    [InlineData("""{"id":"resolved-only","order":51,"condition":"case.status == 'Resolved'","targets":{"resolution":"PT1H"}}""", "Resolved or Closed")]
    [InlineData("""{"id":"open-only","order":52,"condition":"case.status == 'Open' || case.status == 'New'","targets":{"resolution":"PT1H"}}""", "cancelled instead of paused")]
    [InlineData("""{"id":"dup-order","order":5,"condition":"case.category == 'x'","targets":{"resolution":"PT1H"}}""", "also the order")]
    [InlineData("""{"id":"after-catch-all","order":500,"condition":"case.category == 'x'","targets":{"resolution":"PT1H"}}""", "can never apply")]
    [InlineData("""{"id":"syntax","order":53,"condition":"case.priority ==","targets":{"resolution":"PT1H"}}""", "not valid JavaScript")]
    public async Task Put_ClassicTraps_AreRefused(string policy, string expected)
    {
        RequireDatabase();
        var id = System.Text.Json.JsonDocument.Parse(policy).RootElement.GetProperty("id").GetString();

        var problem = await (await App.Admin.PutAsync($"/api/sla/policies/{id}", Json(policy))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors!.Values.SelectMany(v => v), m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_Calendar_InvalidAnswersEveryError_ValidCreatesVersion_OnlyAdmin()
    {
        RequireDatabase();
        const string bad = """{"id":"broken","timeZone":"Mars/Olympus","weekly":{"monday":[{"from":"09:00","to":"13:00"},{"from":"12:00","to":"17:00"}],"funday":[]},"holidays":["2026-13-40"]}""";
        var problem = await (await App.Admin.PutAsync("/api/sla/calendars/broken", Json(bad))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors!.Keys.Count >= 4, string.Join("; ", problem.Errors.Keys));

        var manager = await App.ClientWithRolesAsync("manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsync("/api/sla/calendars/night", Json("""{"id":"night"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Admin.PutAsync("/api/sla/calendars/24x7", Json("""{"id":"24x7"}"""))).StatusCode);

        var ok = await App.Admin.PutAsync("/api/sla/calendars/night", Json("""{"id":"night","timeZone":"Europe/Berlin","weekly":{"sunday":[{"from":"22:00","to":"24:00"}]}}"""));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Contains((await manager.GetFromJsonAsync<List<SlaDefinitionDto>>("/api/sla/calendars"))!, c => c.Id == "night");

        // The address names it: a body without "id" takes the address's, one with another id is refused.
        var unnamed = await App.Admin.PutAsync("/api/sla/calendars/early", Json("""{"timeZone":"Europe/Berlin","weekly":{"monday":[{"from":"06:00","to":"09:00"}]}}"""));
        Assert.Equal(HttpStatusCode.Created, unnamed.StatusCode);
        Assert.Equal("early", (await manager.GetFromJsonAsync<SlaDefinitionDto>("/api/sla/calendars/early"))!.Id);
        var other = await (await App.Admin.PutAsync("/api/sla/calendars/late", Json("""{"id":"early","timeZone":"Europe/Berlin"}"""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("differs", Assert.Single(other.Errors!["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithInvalidFiles_RefusesToStart_ListingEveryError()
    {
        RequireDatabase();
        var folder = SlaTestDefinitions.WriteFolder(
            ("calendars/office.json", """{"id":"office","timeZone":"Nowhere/Town"}"""),
            ("policies/a.json", """{"id":"a","order":1,"condition":"case.priority == 'Urgent' && case.priority == 'Low'","calendar":"missing","targets":{"firstResponse":"PT1H"}}"""),
            ("policies/b.json", """{"id":"other-name","order":1,"condition":"true","targets":{"resolution":"soon"}}"""),
            ("policies/c.json", "{ not json"));
        await using var app = new CustomerCasesApp(TestDatabase.Sqlite(), new Dictionary<string, string?> { ["Sla:DefinitionsFolder"] = folder });

        var ex = Assert.ThrowsAny<Exception>(() => app.Server);

        var message = ex.ToString();
        Assert.Contains("calendars/office.json: timeZone", message, StringComparison.Ordinal);
        Assert.Contains("policies/b.json: id", message, StringComparison.Ordinal);
        Assert.Contains("policies/b.json: targets.resolution", message, StringComparison.Ordinal);
        Assert.Contains("policies/c.json: is not valid JSON", message, StringComparison.Ordinal);
        Assert.Contains("policy 'a': calendar", message, StringComparison.Ordinal);
        Assert.Contains("can never hold", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedDefinitions_AreValid()
    {
        RequireDatabase();
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows", "sla");
        Assert.True(Directory.Exists(shipped), shipped);
        await using var app = new CustomerCasesApp(TestDatabase.Sqlite(), new Dictionary<string, string?> { ["Sla:DefinitionsFolder"] = shipped });

        var policies = (await app.Admin.GetFromJsonAsync<List<SlaDefinitionDto>>("/api/sla/policies"))!;

        Assert.Contains(policies, p => p.Id == "standard");
    }
}

public sealed class SlaDefinitionTestsOnSqlite : SlaDefinitionTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class SlaDefinitionTestsOnPostgreSql : SlaDefinitionTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
