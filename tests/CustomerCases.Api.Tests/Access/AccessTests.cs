using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Access;

public abstract class AccessTests(ProviderFixture fixture)
{
    private CustomerCasesApp App => fixture.App;

    [Fact]
    public async Task NoKey_Returns401ProblemWithChallenge()
    {
        var response = await App.Anonymous.GetAsync("/api/cases");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task UnknownKey_Returns401()
    {
        await (await App.ClientFor("cc_not-a-real-key").GetAsync("/api/cases")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IntakeKey_CanCreateButNotList_Returns403()
    {
        var intake = await App.ClientWithRolesAsync("intake");

        await intake.CreateAsync();
        await (await intake.GetAsync("/api/cases")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await intake.GetAsync("/api/admin/api-keys")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DesignerKey_CannotCreateCases()
    {
        var designer = await App.ClientWithRolesAsync("designer");

        await (await designer.PostAsJsonAsync("/api/cases", CaseApi.NewCase())).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        var created = await App.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "temp", roles = new[] { "manager" } });
        var key = (await created.Content.ReadFromJsonAsync<CreatedKeyDto>())!;
        var client = App.ClientFor(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await App.Admin.DeleteAsync($"/api/admin/api-keys/{key.Key.Id}")).StatusCode);

        await (await client.GetAsync("/api/cases")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateKey_UnknownRoleAndNoName_Returns400AndListNeverShowsSecrets()
    {
        var problem = await (await App.Admin.PostAsJsonAsync("/api/admin/api-keys", new { roles = new[] { "god" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "roles"], problem.Errors!.Keys.Order());

        var list = await App.Admin.GetStringAsync("/api/admin/api-keys");
        Assert.DoesNotContain("secret", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HealthAndApiReference_AreAnonymous()
    {
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous.GetAsync("/health/ready")).StatusCode);
        var openApi = await App.Anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/cases/{id}/history", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_IsForAdminsOnly()
    {
        var manager = await App.ClientWithRolesAsync("manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Admin.GetAsync("/hangfire")).StatusCode);
    }

    private sealed record CreatedKeyDto(KeyDto Key, string Secret);

    private sealed record KeyDto(Guid Id);
}

public sealed class AccessTestsOnSqlite(SqliteFixture fixture) : AccessTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AccessTestsOnPostgreSql(PostgreSqlFixture fixture) : AccessTests(fixture), IClassFixture<PostgreSqlFixture>;
