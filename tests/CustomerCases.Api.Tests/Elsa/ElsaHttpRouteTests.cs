using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>HttpEndpoint paths with route parameters, as Elsa matches them; the values reach the workflow as RouteData.</summary>
public abstract class ElsaHttpRouteTests(ProviderFixture fixture)
{
    private HttpClient Admin => fixture.App.Admin;

    private static JsonObject Methods(params string[] methods) => Expr("Literal", new JsonArray([.. methods.Select(m => (JsonNode?)m)]), "String[]");

    [Fact]
    public async Task Trigger_WithRouteTemplate_MatchesAndExposesRouteAndQueryValues_LiteralPathWins()
    {
        var root = NewId("shop");
        await Admin.DeployAsync(Chain(NewId("byid"),
            Trigger("Http1", "Elsa.HttpEndpoint", ("path", Literal($"{root}/orders/{{orderId}}")), ("supportedMethods", Methods("GET"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("contentType", Literal("text/plain")),
                ("content", Expr("JavaScript", "'order ' + getOutputFrom('Http1', 'RouteData').orderId + ' ' + getOutputFrom('Http1', 'QueryStringData').mode", "String")))));
        await Admin.DeployAsync(Chain(NewId("special"),
            Trigger("Http1", "Elsa.HttpEndpoint", ("path", Literal($"{root}/orders/special")), ("supportedMethods", Methods("GET"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("contentType", Literal("text/plain")), ("content", Literal("the special one")))));

        var byId = await fixture.App.Anonymous.GetAsync($"/workflows/{root}/Orders/A-42?mode=fast");
        var special = await fixture.App.Anonymous.GetAsync($"/workflows/{root}/orders/special");

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal("order A-42 fast", await byId.Content.ReadAsStringAsync());
        Assert.Equal("the special one", await special.Content.ReadAsStringAsync());
        await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/orders/42/extra")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.App.Anonymous.PostAsync($"/workflows/{root}/orders/42", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RouteConstraints_AreChecked_AValueBreakingOneDoesNotMatch()
    {
        var root = NewId("inv");
        await Admin.DeployAsync(Chain(NewId("byint"),
            Trigger("Http1", "Elsa.HttpEndpoint", ("path", Literal($"{root}/invoices/{{number:int:min(1)}}")), ("supportedMethods", Methods("GET"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("contentType", Literal("text/plain")),
                ("content", Expr("JavaScript", "'invoice ' + getOutputFrom('Http1', 'RouteData').number", "String")))));
        await Admin.DeployAsync(Chain(NewId("bycode"),
            Trigger("Http1", "Elsa.HttpEndpoint", ("path", Literal($"{root}/invoices/{{code:alpha:length(3)}}")), ("supportedMethods", Methods("GET"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("contentType", Literal("text/plain")),
                ("content", Expr("JavaScript", "'code ' + getOutputFrom('Http1', 'RouteData').code", "String")))));

        Assert.Equal("invoice 42", await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/invoices/42")).Content.ReadAsStringAsync());
        Assert.Equal("code abc", await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/invoices/abc")).Content.ReadAsStringAsync());
        await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/invoices/0")).ProblemAsync(HttpStatusCode.NotFound);     // min(1)
        await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/invoices/abcd")).ProblemAsync(HttpStatusCode.NotFound);  // length(3)
        await (await fixture.App.Anonymous.GetAsync($"/workflows/{root}/invoices/a-1")).ProblemAsync(HttpStatusCode.NotFound);   // neither
    }

    [Fact]
    public async Task WaitingInstance_WithRouteTemplate_IsResumedWithRouteData()
    {
        var root = NewId("cb");
        var id = NewId("httpwait");
        await Admin.DeployAsync(Sequence(id,
            Activity("Wait1", "Elsa.HttpEndpoint", ("path", Literal($"{root}/{{token}}/done")), ("supportedMethods", Methods("PUT"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("contentType", Literal("text/plain")),
                ("content", Expr("JavaScript", "'token ' + getOutputFrom('Wait1', 'RouteData').token + ', body ' + getOutputFrom('Wait1', 'ParsedContent').ok", "String")))));
        var waiting = await Admin.ExecuteAsync(id);

        var response = await fixture.App.Anonymous.PutAsync($"/workflows/{root}/t-77/done", new StringContent("""{"ok":true}""", Encoding.UTF8, "application/json"));

        Assert.Equal("token t-77, body true", await response.Content.ReadAsStringAsync());
        Assert.Equal("Finished", (await Admin.InstanceAsync(waiting.Text("id"))).Text("subStatus"));
        await (await fixture.App.Anonymous.PutAsync($"/workflows/{root}/t-77/done", null)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaHttpRouteTestsOnSqlite(SqliteFixture fixture) : ElsaHttpRouteTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaHttpRouteTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaHttpRouteTests(fixture);
