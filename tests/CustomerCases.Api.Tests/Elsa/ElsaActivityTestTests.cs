using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>Studio's activity "Test" tab: POST /elsa/api/tests/activities runs one activity alone and stores nothing.</summary>
public abstract class ElsaActivityTestTests(ProviderFixture fixture)
{
    private HttpClient Admin => fixture.App.Admin;

    private static JsonArray GreetingVariable() =>
        [new JsonObject { ["id"] = "var-greeting", ["name"] = "Greeting", ["typeName"] = "String", ["value"] = "hi" }];

    /// <summary>Start → Line1 (the greeting) → Wait1 (an event) → Bad1 (a script that throws).</summary>
    private static JsonObject Workflow(string id, string eventName, JsonObject? testValues = null)
    {
        var activities = new[]
        {
            Activity("Start1", "Elsa.Start"),
            Activity("Line1", "Elsa.WriteLine", ("text", Expr("JavaScript", "getGreeting() + ' world'", "String"))),
            Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))),
            Activity("Bad1", "Elsa.WriteLine", ("text", Expr("JavaScript", "noSuchFunction()", "String"))),
        };
        var connections = new[] { Connection("Start1", "Line1"), Connection("Line1", "Wait1"), Connection("Wait1", "Bad1") };
        var definition = Definition(id, activities, connections, GreetingVariable());
        if (testValues is not null)
        {
            definition["customProperties"] = new JsonObject { ["VariableTestValues"] = testValues };
        }

        return definition;
    }

    private Task<HttpResponseMessage> TestAsync(HttpClient client, object body) => client.PostAsJsonAsync($"{ElsaApi.Base}/tests/activities", body);

    [Fact]
    public async Task WriteLine_RunsAloneWithTheVariablesTestValue_AndStoresNoInstance()
    {
        var id = NewId("acttest");
        var saved = await Admin.SaveAsync(Workflow(id, NewId("ev"), new JsonObject { ["var-greeting"] = "hello" }), publish: false, HttpStatusCode.Created);

        var result = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Line1" },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Completed", result.Text("status"));
        Assert.Equal("hello world", result["activityState"]!.Text("text"));
        Assert.Equal(["Done"], result["payload"]!["Outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Null(result["exception"]);
        var instances = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-instances?definitionId={id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, instances["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutTestValues_TheVariablesInitialValueApplies_FoundByDefinitionIdAndLatestVersion()
    {
        var id = NewId("acttest");
        await Admin.SaveAsync(Workflow(id, NewId("ev")), publish: false, HttpStatusCode.Created);

        var result = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionId = id, versionOptions = "Latest" },
            activityHandle = new { activityNodeId = "Workflow1:root:Line1" }, // as Studio sends it
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("Completed", "hi world"), (result.Text("status"), result["payload"]!.Text("text")));
    }

    [Fact]
    public async Task ThrowingScript_IsFaultedWithTheMessage()
    {
        var id = NewId("acttest");
        var saved = await Admin.SaveAsync(Workflow(id, NewId("ev")), publish: false, HttpStatusCode.Created);

        var result = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Bad1" },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Faulted", result.Text("status"));
        Assert.Contains("noSuchFunction", result["exception"]!.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_WaitsAsRunning_AndLeavesNoBookmarkBehind()
    {
        var id = NewId("acttest");
        var eventName = NewId("ev");
        var saved = await Admin.DeployAsync(Workflow(id, eventName));

        var result = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Wait1" },
        })).JsonAsync(HttpStatusCode.OK);
        var triggered = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Running", result.Text("status"));
        Assert.Empty(triggered["resumedWorkflowInstanceIds"]!.AsArray()); // the test run's bookmark was never stored
    }

    [Fact]
    public async Task ActivityExecutionRecords_CarryStateAndOutcomesWhereStudioReadsThem()
    {
        var id = NewId("actexec");
        await Admin.DeployAsync(Sequence(id, Activity("Line1", "Elsa.WriteLine", ("text", Expr("JavaScript", "'sum ' + (1 + 2)", "String")))));
        var instanceId = (await Admin.ExecuteAsync(id)).Text("id");

        var records = await (await Admin.GetAsync($"{ElsaApi.Base}/activity-executions/list?workflowInstanceId={instanceId}&activityNodeId=Workflow1:root:Line1"))
            .JsonAsync(HttpStatusCode.OK);

        var record = Assert.Single(records["items"]!.AsArray())!;
        Assert.Equal(("Completed", "sum 3"), (record.Text("status"), record["activityState"]!.Text("text")));
        Assert.Equal(["Done"], record["payload"]!["Outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["sum 3"], await Admin.LinesAsync(instanceId)); // the journal itself answers its payload as stored
    }

    [Fact]
    public async Task CaseActivity_WithoutACase_IsFaultedWithAMessage()
    {
        var id = NewId("acttest");
        var saved = await Admin.SaveAsync(Sequence(id, Activity("Close1", "CustomerCases.CloseCase")), publish: false, HttpStatusCode.Created);

        var response = await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Close1" },
        });

        var result = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Faulted", result.Text("status"));
        Assert.False(string.IsNullOrWhiteSpace(result["exception"]!.Text("message")), result.ToJsonString());
    }

    [Fact]
    public async Task BadHandles_AreRefusedFieldByField_UnknownOnesAre404()
    {
        var id = NewId("acttest");
        var saved = await Admin.SaveAsync(Workflow(id, NewId("ev")), publish: false, HttpStatusCode.Created);

        var noHandle = await (await TestAsync(Admin, new { activityHandle = new { activityId = "Line1" } })).ProblemAsync(HttpStatusCode.BadRequest);
        var noActivity = await (await TestAsync(Admin, new { workflowDefinitionHandle = new { definitionId = id } })).ProblemAsync(HttpStatusCode.BadRequest);
        var badOptions = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionId = id, versionOptions = "Newest" },
            activityHandle = new { activityId = "Line1" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Nope" },
        })).ProblemAsync(HttpStatusCode.NotFound);
        await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = "no-such-version" },
            activityHandle = new { activityId = "Line1" },
        })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["workflowDefinitionHandle"], noHandle.Errors!.Keys);
        Assert.Equal(["activityHandle"], noActivity.Errors!.Keys);
        Assert.Equal(["workflowDefinitionHandle.versionOptions"], badOptions.Errors!.Keys);
    }

    [Fact]
    public async Task TestValuesThatAreNotAnObject_Are400()
    {
        var id = NewId("acttest");
        var definition = Workflow(id, NewId("ev"));
        definition["customProperties"] = new JsonObject { ["VariableTestValues"] = "hello" };
        var saved = await Admin.SaveAsync(definition, publish: false, HttpStatusCode.Created);

        var problem = await (await TestAsync(Admin, new
        {
            workflowDefinitionHandle = new { definitionVersionId = saved.Text("id") },
            activityHandle = new { activityId = "Line1" },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["customProperties.VariableTestValues"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task OnlyDesignersMayTest()
    {
        var agent = await fixture.App.ClientWithRolesAsync("agent");

        var response = await TestAsync(agent, new { workflowDefinitionHandle = new { definitionId = "x" }, activityHandle = new { activityId = "y" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaActivityTestTestsOnSqlite(SqliteFixture fixture) : ElsaActivityTestTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaActivityTestTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaActivityTestTests(fixture);
