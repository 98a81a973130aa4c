using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>Definitions through /elsa/api as Studio uses them: import, save, publish, versions, execute, export, delete.</summary>
public abstract class ElsaDefinitionTests(ProviderFixture fixture)
{
    private HttpClient Admin => fixture.App.Admin;

    [Fact]
    public async Task ImportPublishExecute_WriteLineSetVariableDecision_JournalAndOutput()
    {
        var id = NewId("calc");
        var variables = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = "0" });
        var activities = new[]
        {
            Activity("Start1", "Elsa.Start"),
            Activity("Set1", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1", ["name"] = "Counter" }), ("value", Expr("Literal", "5"))),
            WriteLine("Line1", "start"),
            Activity("Decide1", "Elsa.FlowDecision", ("condition", Expr("JavaScript", "getVariable('Counter') > 3", "Boolean"))),
            WriteLine("Big1", "big"),
            WriteLine("Small1", "small"),
            Activity("Out1", "Elsa.SetOutput", ("outputName", Literal("Result")), ("outputValue", Expr("JavaScript", "getVariable('Counter') * 2"))),
        };
        var connections = new[]
        {
            Connection("Start1", "Set1"), Connection("Set1", "Line1"), Connection("Line1", "Decide1"),
            Connection("Decide1", "Big1", "True"), Connection("Decide1", "Small1", "False"), Connection("Big1", "Out1"),
        };
        var imported = await Admin.ImportAsync(Definition(id, activities, connections, variables));
        Assert.Equal(1, imported["version"]!.GetValue<int>());
        Assert.False(imported["isPublished"]!.GetValue<bool>());
        // execute defaults to the published version, and there is none yet
        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions/{id}/execute", new { })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.True((await Admin.PublishAsync(id))["isPublished"]!.GetValue<bool>());
        var state = await Admin.ExecuteAsync(id);

        Assert.Equal("Finished", state.Text("status"));
        Assert.Equal("Finished", state.Text("subStatus"));
        Assert.Equal(10, state["output"]!["Result"]!.GetValue<int>());
        Assert.Equal(5, state["variables"]!["Counter"]!.GetValue<int>());
        Assert.Equal(["start", "big"], await Admin.LinesAsync(state.Text("id")));
        var journal = await Admin.JournalAsync(state.Text("id"));
        Assert.Equal(journal.Select(e => e["sequence"]!.GetValue<long>()).Order(), journal.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.Equal(("Elsa.Flowchart", "Started"), (journal[0].Text("activityType"), journal[0].Text("eventName")));
        Assert.Equal("Start1", journal[1].Text("activityId"));
        Assert.Equal("start", journal.First(e => e.Text("activityId") == "Line1" && e.Text("eventName") == "Completed")["payload"].Text("text"));

        var instanceUrl = $"{ElsaApi.Base}/workflow-instances/{state.Text("id")}";
        var filtered = await (await Admin.PostAsJsonAsync($"{instanceUrl}/journal?skip=0&take=1",
            new { filter = new { activityIds = new[] { "Line1", "Big1" }, eventNames = new[] { "Completed" } } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, filtered["totalCount"]!.GetValue<int>());
        Assert.Equal("Line1", Assert.Single(filtered["items"]!.AsArray())!.Text("activityId"));
        var variable = Assert.Single((await (await Admin.GetAsync($"{instanceUrl}/variables")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal(("v1", "Counter", 5), (variable.Text("id"), variable.Text("name"), variable["value"]!.GetValue<int>()));
        var executionState = await (await Admin.GetAsync($"{instanceUrl}/execution-state")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Finished", executionState.Text("workflowSubStatus"));
    }

    [Fact]
    public async Task Import_IdenticalContentTwice_CreatesNoNewVersion()
    {
        var definition = Sequence(NewId("same"), WriteLine("Line1", "hello"));
        var first = await Admin.ImportAsync(definition);
        definition["createdAt"] = "2030-01-01T00:00:00+00:00"; // version facts differ, content does not
        var second = await Admin.ImportAsync(definition, HttpStatusCode.OK);

        Assert.Equal(first.Text("id"), second.Text("id"));
        var versions = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{first.Text("definitionId")}/versions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, versions["totalCount"]!.GetValue<int>());

        var copyId = NewId("copy");
        var copy = await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/{copyId}/import", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json")))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(copyId, copy.Text("definitionId"));
    }

    [Fact]
    public async Task Publish_BadCronAndUnknownType_400ListsBothAndKeepsDraft()
    {
        var id = NewId("invalid");
        var definition = Sequence(id,
            Activity("Cron1", "Elsa.Cron", ("cronExpression", Literal("every monday"))),
            Activity("Mystery1", "Acme.DoesNotExist"));

        var response = await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions", new JsonObject { ["model"] = definition, ["publish"] = true });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Cron1", problem.Errors!.Keys);
        Assert.Contains("Mystery1", problem.Errors.Keys);
        Assert.Contains("Acme.DoesNotExist", problem.Errors["Mystery1"].Single(), StringComparison.Ordinal);
        var draft = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{id}?versionOptions=Latest")).JsonAsync(HttpStatusCode.OK);
        Assert.False(draft["isPublished"]!.GetValue<bool>());
        Assert.Equal("Acme.DoesNotExist", draft["root"]!["activities"]![2]!.Text("type"));
    }

    [Fact]
    public async Task SaveOverPublished_MakesV2Draft_PublishedStillRunsV1_InstancePinnedToItsVersion()
    {
        var id = NewId("versions");
        var eventName = NewId("go");
        JsonObject Version(string label) => Sequence(id, WriteLine("Line1", label),
            Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line2", label + " after"));
        await Admin.DeployAsync(Version("v1"));
        var waiting = await Admin.ExecuteAsync(id, new { correlationId = eventName });
        Assert.Equal("Suspended", waiting.Text("subStatus"));

        var v2 = await Admin.SaveAsync(Version("v2"), publish: false, HttpStatusCode.OK);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.False(v2["isPublished"]!.GetValue<bool>());

        var published = await Admin.ExecuteAsync(id, new { correlationId = NewId("other") });
        Assert.Equal(1, published["definitionVersion"]!.GetValue<int>());
        Assert.Equal(["v1"], await Admin.LinesAsync(published.Text("id")));
        var latest = await Admin.ExecuteAsync(id, new { versionOptions = "Latest", correlationId = NewId("other") });
        Assert.Equal(["v2"], await Admin.LinesAsync(latest.Text("id")));

        await Admin.PublishAsync(id);
        await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = eventName });
        Assert.Equal(["v1", "v1 after"], await Admin.LinesAsync(waiting.Text("id")));
        var versions = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{id}/versions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([2, 1], versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal([true, false], versions["items"]!.AsArray().Select(v => v!["isPublished"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task RevertDeleteVersionAndStudioLookups()
    {
        var id = NewId("revert");
        await Admin.DeployAsync(Sequence(id, WriteLine("Line1", "one")));
        await Admin.SaveAsync(Sequence(id, WriteLine("Line1", "two")), publish: false, HttpStatusCode.OK);

        var reverted = await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/{id}/revert/1", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, reverted["version"]!.GetValue<int>());
        Assert.Equal("one", reverted["root"]!["activities"]![1]!["text"]!["expression"]!.Text("value"));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-definition-versions/{reverted.Text("id")}")).StatusCode);
        var latest = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{id}?versionOptions=Latest")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, true, true), (latest["version"]!.GetValue<int>(), latest["isLatest"]!.GetValue<bool>(), latest["isPublished"]!.GetValue<bool>()));
        await (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-definition-versions/{latest.Text("id")}")).ProblemAsync(HttpStatusCode.Conflict);

        var taken = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/validation/is-name-unique?name=Test%20{id}&definitionId=other")).JsonAsync(HttpStatusCode.OK);
        Assert.False(taken["isUnique"]!.GetValue<bool>());
        var own = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/validation/is-name-unique?name=Test%20{id}&definitionId={id}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(own["isUnique"]!.GetValue<bool>());
        Assert.True((await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/query/count")).JsonAsync(HttpStatusCode.OK))["count"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task SaveNewThenRetract_StopsTriggersAndPublishedRuns()
    {
        var id = NewId("retract");
        var eventName = NewId("retract-ev");
        var saved = await Admin.SaveAsync(Chain(id, Trigger("On1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line1", "x")), publish: true, HttpStatusCode.Created);
        Assert.True(saved["isPublished"]!.GetValue<bool>());

        var retracted = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions/{id}/retract", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        var triggered = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(triggered["startedWorkflowInstanceIds"]!.AsArray());
        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions/{id}/execute", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions/{id}/retract", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Import_Elsa2ExportBadJsonOrEmpty_Answer400Problems()
    {
        const string elsa2 = """{"definitionId":"leave","version":1,"activities":[{"activityId":"a1","type":"WriteLine","properties":[]}],"connections":[]}""";

        foreach (var body in new[] { elsa2, "{ not json", "[1,2,3]", "" })
        {
            var response = await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/import", new StringContent(body, Encoding.UTF8, "application/json"));
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        var multipart = new MultipartFormDataContent { { new StringContent(elsa2, Encoding.UTF8, "application/json"), "file", "leave.json" } };
        var problem = await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/import", multipart)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Elsa 2", problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownDefinition_Answers404Everywhere()
    {
        foreach (var url in new[] { "by-definition-id/nope", "nope", "by-id/nope", "nope/versions", "nope/export" })
        {
            await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{url}")).ProblemAsync(HttpStatusCode.NotFound);
        }

        await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/nope/publish", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-definitions/nope")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/nope?versionOptions=Sometimes")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListAsStudio_PagesLatestVersions()
    {
        var prefix = NewId("list");
        for (var i = 0; i < 3; i++)
        {
            await Admin.ImportAsync(Sequence($"{prefix}-{i}", WriteLine("Line1", "x")));
        }

        var page = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions?versionOptions=Latest&Page=0&PageSize=2&SearchTerm={prefix}&IsSystem=False&OrderDirection=Ascending"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, page["totalCount"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
        var summary = page["items"]![0]!;
        Assert.Equal($"{prefix}-0", summary.Text("definitionId"));
        Assert.True(summary["isLatest"]!.GetValue<bool>());
        Assert.NotNull(summary["createdAt"]);
        var second = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions?Page=1&PageSize=2&SearchTerm={prefix}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{prefix}-2", Assert.Single(second["items"]!.AsArray())!.Text("definitionId"));
    }

    [Fact]
    public async Task Export_IsADownloadWithSchema_AndReimportsUnchanged()
    {
        var definition = Sequence(NewId("export"), WriteLine("Line1", "x"));
        var imported = await Admin.ImportAsync(definition);

        var response = await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{imported.Text("definitionId")}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.StartsWith("https://elsaworkflows.io/schemas/", exported.Text("$schema"), StringComparison.Ordinal);
        var file = new MultipartFormDataContent { { new StringContent(exported.ToJsonString(), Encoding.UTF8, "application/json"), "file", "export.json" } };
        var reimported = await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/import", file)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(imported.Text("id"), reimported.Text("id"));
    }

    [Fact]
    public async Task Delete_RefusedWhileRunning_ThenDeletesAllVersions()
    {
        var id = NewId("delete");
        await Admin.DeployAsync(Sequence(id, Activity("Wait1", "Elsa.Event", ("eventName", Literal(NewId("never"))))));
        var running = await Admin.ExecuteAsync(id);

        await (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-definitions/{id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{ElsaApi.Base}/cancel/workflow-instances/{running.Text("id")}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-definitions/{id}")).StatusCode);

        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Cancelled", (await Admin.InstanceAsync(running.Text("id"))).Text("subStatus"));
    }

    [Fact]
    public async Task JavaScriptTypeDefinitions_DeclareTheSandboxFunctionsTheCaseAndTypedAccessorsPerVariable()
    {
        var id = NewId("dts");
        var variables = new JsonArray(
            new JsonObject { ["id"] = "v1", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false },
            new JsonObject { ["id"] = "v2", ["name"] = "Labels", ["typeName"] = "String", ["isArray"] = true },
            new JsonObject { ["id"] = "v3", ["name"] = "not an identifier", ["typeName"] = "String", ["isArray"] = false });
        await Admin.ImportAsync(Definition(id, [Activity("Start1", "Elsa.Start")], [], variables));
        var url = $"{ElsaApi.Base}/scripting/javascript/type-definitions/{id}";

        var response = await Admin.PostAsJsonAsync(url, new { workflowDefinitionId = id, activityTypeName = "Elsa.RunJavaScript", propertyName = "Script" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-typescript", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("declare function getVariable(name: string): any;", text, StringComparison.Ordinal);
        Assert.Contains("declare function getCase(): CustomerCase | null;", text, StringComparison.Ordinal);
        Assert.Contains("priority: 'Low' | 'Normal' | 'High' | 'Urgent';", text, StringComparison.Ordinal);
        Assert.Contains("declare function getCounter(): number;", text, StringComparison.Ordinal);
        Assert.Contains("declare function setLabels(value: string[]): void;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not an identifier", text, StringComparison.Ordinal);

        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/scripting/javascript/type-definitions/{NewId("none")}", new { })).ProblemAsync(HttpStatusCode.NotFound);
        var agent = await fixture.App.ClientWithRolesAsync("agent");
        await (await agent.PostAsJsonAsync(url, new { })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Roles_DesignerOwnsDefinitionsAndReadsInstances_AgentIsRefused_CancelAndDeleteAreAdminOnly()
    {
        var agent = await fixture.App.ClientWithRolesAsync("agent");
        var designer = await fixture.App.ClientWithRolesAsync("designer");

        await (await agent.GetAsync($"{ElsaApi.Base}/workflow-definitions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync($"{ElsaApi.Base}/descriptors/activities")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsync($"{ElsaApi.Base}/workflow-definitions/import", new StringContent("{}", Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.App.Anonymous.GetAsync($"{ElsaApi.Base}/workflow-definitions")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync($"{ElsaApi.Base}/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync($"{ElsaApi.Base}/workflow-instances")).StatusCode); // Studio's instance list
        await (await agent.GetAsync($"{ElsaApi.Base}/workflow-instances")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await designer.DeleteAsync($"{ElsaApi.Base}/workflow-instances/{NewId("any")}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await designer.PostAsync($"{ElsaApi.Base}/cancel/workflow-instances/{NewId("any")}", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"{ElsaApi.Base}/events/{NewId("nobody")}/trigger", new { })).StatusCode);
    }
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaDefinitionTestsOnSqlite(SqliteFixture fixture) : ElsaDefinitionTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaDefinitionTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaDefinitionTests(fixture);
