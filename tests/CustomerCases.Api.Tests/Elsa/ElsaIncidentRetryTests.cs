using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>Incidents retried through the API once their cause is fixed: data, variables or a new definition version.</summary>
public abstract class ElsaIncidentRetryTests(ProviderFixture fixture)
{
    private HttpClient Admin => fixture.App.Admin;

    private static JsonArray ConfigVariable() => [new JsonObject { ["id"] = "v1", ["name"] = "Config", ["typeName"] = "Object", ["value"] = null }];

    /// <summary>Start → Line1 (reads Config.limit, faults while Config is unset) → Wait1 (event) → Line2.</summary>
    private async Task<(string DefinitionId, string EventName)> DeployVariableWorkflowAsync()
    {
        var id = NewId("retry");
        var eventName = NewId("go");
        var activities = new[]
        {
            Activity("Start1", "Elsa.Start"),
            Activity("Line1", "Elsa.WriteLine", ("text", Expr("JavaScript", "'limit ' + getVariable('Config').limit", "String"))),
            Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))),
            WriteLine("Line2", "after event"),
        };
        var connections = new[] { Connection("Start1", "Line1"), Connection("Line1", "Wait1"), Connection("Wait1", "Line2") };
        await Admin.DeployAsync(Definition(id, activities, connections, ConfigVariable()));
        return (id, eventName);
    }

    private Task<HttpResponseMessage> RetryAsync(HttpClient client, string instanceId, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ElsaApi.Base}/workflow-instances/{instanceId}/retry") { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Retry_WithFixedVariable_RunsFaultedActivityOnce_RepeatWithKeyReplays_RepeatWithoutKeyIs409()
    {
        var (id, eventName) = await DeployVariableWorkflowAsync();
        var faulted = await Admin.ExecuteAsync(id, expected: HttpStatusCode.InternalServerError);
        Assert.Equal("Line1", faulted["incidents"]![0]!.Text("activityId"));
        var instanceId = faulted.Text("id");
        var fix = new { variables = new { Config = new { limit = 5 } } };

        var first = await (await RetryAsync(Admin, instanceId, fix, "retry-1")).JsonAsync(HttpStatusCode.OK);
        var replay = await RetryAsync(Admin, instanceId, fix, "retry-1");
        var again = await (await RetryAsync(Admin, instanceId, fix)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("Running", "Suspended"), (first.Text("status"), first.Text("subStatus")));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("instance_not_retryable", again.Code);
        Assert.Equal(["limit 5"], await Admin.LinesAsync(instanceId));
        Assert.Contains(await Admin.JournalAsync(instanceId), e => e.Text("eventName") == "Retried" && e.Text("activityId") == "Line1");

        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["limit 5", "after event"], await Admin.LinesAsync(instanceId));
        Assert.Equal("Finished", (await Admin.InstanceAsync(instanceId)).Text("subStatus"));
    }

    [Fact]
    public async Task Retry_OnFixedDefinitionVersion_MovesInstanceToIt()
    {
        var id = NewId("retryfix");
        await Admin.DeployAsync(Sequence(id, Activity("Line1", "Elsa.WriteLine", ("text", Expr("JavaScript", "noSuchFunction()", "String")))));
        var instanceId = (await Admin.ExecuteAsync(id, expected: HttpStatusCode.InternalServerError)).Text("id");
        var fixedVersion = Sequence(id, WriteLine("Line1", "fixed"));
        fixedVersion["version"] = 2;
        await Admin.SaveAsync(fixedVersion, publish: true, HttpStatusCode.OK);

        var retried = await (await RetryAsync(Admin, instanceId, new { targetVersion = 2 })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("Finished", 2), (retried.Text("subStatus"), retried["version"]!.GetValue<int>()));
        Assert.Equal(["fixed"], await Admin.LinesAsync(instanceId));
        var unknown = await (await RetryAsync(Admin, instanceId, new { targetVersion = 9 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("targetVersion", unknown.Errors!.Keys);
    }

    [Fact]
    public async Task Retry_UnknownVariableIs400_UnknownInstance404_AgentForbidden_DesignerAllowed()
    {
        var (id, _) = await DeployVariableWorkflowAsync();
        var instanceId = (await Admin.ExecuteAsync(id, expected: HttpStatusCode.InternalServerError)).Text("id");
        var agent = await fixture.App.ClientWithRolesAsync("agent");
        var designer = await fixture.App.ClientWithRolesAsync("designer");

        var badVariable = await (await RetryAsync(Admin, instanceId, new { variables = new { Nope = 1 } })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await RetryAsync(Admin, "no-such-instance")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await RetryAsync(agent, instanceId)).StatusCode);
        var byDesigner = await (await RetryAsync(designer, instanceId, new { variables = new { Config = new { limit = 7 } } })).JsonAsync(HttpStatusCode.OK);

        Assert.Contains("variables", badVariable.Errors!.Keys);
        Assert.Equal("Suspended", byDesigner.Text("subStatus"));
        Assert.Equal(["limit 7"], await Admin.LinesAsync(instanceId));
    }

    [Fact]
    public async Task ElsaRetryRoute_AfterCaseDataFix_RetriesFaultedActivity_NotFaultedReportedUnsuccessful()
    {
        var @case = await Admin.CreateAsync(CaseApi.NewCase());
        var id = NewId("retrycase");
        await Admin.DeployAsync(Sequence(id, Activity("Line1", "Elsa.WriteLine", ("text", Expr("JavaScript", "getCase().category.toUpperCase()", "String")))));
        var instanceId = (await Admin.ExecuteAsync(id, new { correlationId = @case.Id.ToString() }, HttpStatusCode.InternalServerError)).Text("id");
        (await Admin.PatchJsonAsync($"/api/cases/{@case.Id}", new { category = "billing" })).EnsureSuccessStatusCode();

        var response = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/alterations/workflows/retry", new { workflowInstanceIds = new[] { instanceId } }))
            .JsonAsync(HttpStatusCode.OK);
        var second = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/alterations/workflows/retry", new { workflowInstanceIds = new[] { instanceId } }))
            .JsonAsync(HttpStatusCode.OK);

        var result = response["results"]![0]!;
        Assert.Equal((instanceId, true), (result.Text("workflowInstanceId"), result["isSuccessful"]!.GetValue<bool>()));
        Assert.False(second["results"]![0]!["isSuccessful"]!.GetValue<bool>());
        Assert.Equal(["BILLING"], await Admin.LinesAsync(instanceId));
        Assert.Equal("Finished", (await Admin.InstanceAsync(instanceId)).Text("subStatus"));
    }

    [Fact]
    public async Task Retry_TwoInParallel_ExactlyOneRunsTheActivity()
    {
        var (id, _) = await DeployVariableWorkflowAsync();
        var instanceId = (await Admin.ExecuteAsync(id, expected: HttpStatusCode.InternalServerError)).Text("id");
        var fix = new { variables = new { Config = new { limit = 3 } } };

        var responses = await Task.WhenAll(RetryAsync(Admin, instanceId, fix), RetryAsync(Admin, instanceId, fix));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(["limit 3"], await Admin.LinesAsync(instanceId));
    }
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaIncidentRetryTestsOnSqlite(SqliteFixture fixture) : ElsaIncidentRetryTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaIncidentRetryTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaIncidentRetryTests(fixture);
