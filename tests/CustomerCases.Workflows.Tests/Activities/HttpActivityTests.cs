using System.Text.Json.Nodes;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Activities;

public sealed class HttpActivityTests
{
    [Fact]
    public async Task HttpEndpoint_TriggeredByRoutedRequest_WritesResponse()
    {
        var engine = new TestEngine();
        var host = new InMemoryWorkflowHost(engine);
        host.Publish(Fixtures.Load("http.json"));
        var trigger = Assert.Single(host.Triggers);
        Assert.Equal(Stimuli.HttpEndpoint("orders", "POST").Hash, trigger.Hash);

        await host.SendAsync(Stimuli.HttpEndpoint("/Orders/", "post"), new JsonObject { ["body"] = new JsonObject { ["name"] = "Widget" } });

        var response = Assert.Single(host.HttpResponses);
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("{\"received\":\"Widget\"}", response.Content);
    }

    [Theory]
    [InlineData(200, "ok true")]
    [InlineData(404, "missing")]
    [InlineData(500, "unexpected")]
    public async Task FlowSendHttpRequest_StatusCode_SelectsOutcome(int status, string expected)
    {
        var engine = new TestEngine(o => o.AllowedHttpHosts.Add("api.example.com"));
        engine.Http.Response = new WorkflowHttpResponse(status, "{\"ok\":true}", "application/json", new Dictionary<string, string>());

        var result = await engine.RunFixtureAsync("send-http.json");

        Assert.Equal([expected], result.Lines());
        Assert.Equal("https://api.example.com/customers/1", Assert.Single(engine.Http.Requests).Url.ToString());
    }

    [Fact]
    public async Task FlowSendHttpRequest_HostNotAllowed_FaultsWithoutCalling()
    {
        var engine = new TestEngine();

        var result = await engine.RunFixtureAsync("send-http.json");

        Assert.Contains("allow-list", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(engine.Http.Requests);
    }
}
