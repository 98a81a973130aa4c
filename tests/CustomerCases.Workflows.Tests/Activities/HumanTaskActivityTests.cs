using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;
using static CustomerCases.Workflows.Tests.Support.ElsaJson;

namespace CustomerCases.Workflows.Tests.Activities;

public sealed class HumanTaskActivityTests
{
    private readonly TestEngine _engine = new();
    private readonly InMemoryWorkflowHost _host;

    public HumanTaskActivityTests() => _host = new InMemoryWorkflowHost(_engine);

    [Fact]
    public async Task Execute_RequestsATaskWithItsBookmark_AndResumeTakesTheChosenPortWithTheFormData()
    {
        _host.Publish(Definition(("form", Expression("Object", "[{\"name\":\"amount\",\"type\":\"Number\",\"required\":true}]"))));

        var started = await _host.StartAsync("test");

        var request = Assert.Single(started.Effects.TaskRequests);
        var bookmark = Assert.Single(started.NewBookmarks);
        Assert.Equal((HumanTaskContract.BookmarkName, bookmark.Id), (bookmark.Name, request.BookmarkId));
        var payload = request.Payload!.AsObject();
        Assert.Equal(("Check it", "refunds", "High"), (payload["title"]!.GetValue<string>(), payload["queue"]!.GetValue<string>(), payload["priority"]!.GetValue<string>()));
        Assert.Equal(["Yes", "No"], payload["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("number", payload["form"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(_engine.Clock.GetUtcNow().AddHours(2), DateTimeOffset.Parse(payload["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(request.TaskId, started.State.ActivityOutputs["Task1"]["TaskId"]!.GetValue<string>());

        var resumed = await _host.ResumeAsync("wf-1", ResumeRequest.ById(bookmark.Id, new JsonObject
        {
            ["outcome"] = "Yes", ["data"] = new JsonObject { ["amount"] = 5 }, ["completedBy"] = new JsonObject { ["name"] = "ann" },
        }));

        Assert.Equal(["yes 5 by ann"], resumed.Lines());
        Assert.Equal(WorkflowStatus.Finished, resumed.State.Status);
    }

    [Fact]
    public async Task Execute_FormBoundsAndOptions_ReachTheTaskRequest()
    {
        _host.Publish(Definition(("form", Expression("Object",
            "[{\"name\":\"amount\",\"type\":\"number\",\"min\":0.01,\"max\":\"500\"},{\"name\":\"reason\",\"options\":[\"damaged\",\" late \",\"damaged\"]}]"))));

        var started = await _host.StartAsync("test");

        var form = Assert.Single(started.Effects.TaskRequests).Payload!["form"]!.AsArray();
        Assert.Equal((0.01, 500d), (form[0]!["min"]!.GetValue<double>(), form[0]!["max"]!.GetValue<double>()));
        Assert.Equal(["damaged", "late"], form[1]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Null(form[1]!["min"]);
    }

    [Theory]
    [InlineData("form", "[{\"name\":\"amount\",\"type\":\"money\"}]")]
    [InlineData("form", "[{\"name\":\"amount\",\"type\":\"number\",\"min\":5,\"max\":1}]")]
    [InlineData("form", "[{\"name\":\"amount\",\"type\":\"number\",\"min\":\"some\"}]")]
    [InlineData("form", "[{\"name\":\"note\",\"type\":\"text\",\"max\":3}]")]
    [InlineData("form", "[{\"name\":\"amount\",\"type\":\"number\",\"options\":[\"1\"]}]")]
    [InlineData("form", "[{\"name\":\"reason\",\"options\":[]}]")]
    [InlineData("priority", "Whenever")]
    [InlineData("due", "-01:00:00")]
    public async Task Execute_InvalidInput_Faults(string input, string value)
    {
        _host.Publish(Definition((input, Expression(input == "form" ? "Object" : "Literal", value, "String"))));

        var started = await _host.StartAsync("test");

        Assert.NotEmpty(started.Incidents);
        Assert.Empty(started.Effects.TaskRequests);
    }

    private static WorkflowDefinition Definition(params (string Name, JsonNode? Value)[] overrides)
    {
        var inputs = new Dictionary<string, JsonNode?>
        {
            ["title"] = Expression("Literal", "Check it", "String"),
            ["queue"] = Expression("Literal", "refunds", "String"),
            ["outcomes"] = Expression("Object", "[\"Yes\",\"No\"]", "String[]"),
            ["priority"] = Expression("Literal", "high", "String"),
            ["due"] = Expression("Literal", "PT2H", "TimeSpan"),
        };
        foreach (var (name, value) in overrides)
        {
            inputs[name] = value;
        }

        var activities = new JsonArray(
            Activity("Start1", "Elsa.Start"),
            Activity("Task1", HumanTaskContract.ActivityType, [.. inputs.Select(kv => (kv.Key, kv.Value))]),
            Activity("Yes1", "Elsa.WriteLine", ("text", Expression("JavaScript",
                "'yes ' + getOutputFrom('Task1', 'Data').amount + ' by ' + getOutputFrom('Task1', 'CompletedBy').name", "String"))),
            Activity("No1", "Elsa.WriteLine", ("text", Expression("Literal", "no", "String"))));
        var connections = new JsonArray(Connection("Start1", "Task1"), Connection("Task1", "Yes1", "Yes"), Connection("Task1", "No1", "No"));
        return WorkflowDefinitionReader.Read(Workflow(activities, connections).ToJsonString());
    }
}
