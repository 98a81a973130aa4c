using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Descriptors;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>Running workflows through /elsa/api: stimuli (events, tasks, HTTP), instances, journal, timers, descriptors.</summary>
public abstract class ElsaRuntimeTests(ProviderFixture fixture)
{
    private HttpClient Admin => fixture.App.Admin;

    [Fact]
    public async Task EventTrigger_ResumesBookmarkOnce_SecondIsQueued()
    {
        var eventName = NewId("approved");
        var id = NewId("event");
        await Admin.DeployAsync(Sequence(id, Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line1", "after event")));
        var waiting = await Admin.ExecuteAsync(id, new { correlationId = eventName });
        Assert.Equal("Suspended", waiting.Text("subStatus"));
        Assert.Equal("Elsa.Event", waiting["bookmarks"]![0]!.Text("name"));

        var first = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = eventName, input = new { by = "Kim" } })).JsonAsync(HttpStatusCode.OK);
        var second = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = eventName })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(waiting.Text("id"), Assert.Single(first["resumedWorkflowInstanceIds"]!.AsArray())!.GetValue<string>());
        Assert.Empty(second["resumedWorkflowInstanceIds"]!.AsArray());
        Assert.True(second["queued"]!.GetValue<bool>());
        Assert.Equal(["after event"], await Admin.LinesAsync(waiting.Text("id")));
        var instance = await Admin.InstanceAsync(waiting.Text("id"));
        Assert.Equal("Finished", instance.Text("subStatus"));
        Assert.Empty(instance["workflowState"]!["bookmarks"]!.AsArray());
    }

    /// <summary>
    /// Eight triggers of one event at once for a waiting instance (on SQLite each runs the workflow before taking the
    /// write gate): the instance resumes exactly once, every other trigger answers 200 with the event queued.
    /// </summary>
    [Fact]
    public async Task EventTrigger_ConcurrentTriggers_ResumeTheInstanceOnce()
    {
        var eventName = NewId("race");
        var id = NewId("event-race");
        await Admin.DeployAsync(Sequence(id, Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line1", "after event")));
        var waiting = await Admin.ExecuteAsync(id, new { correlationId = eventName });
        Assert.Equal("Suspended", waiting.Text("subStatus"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = eventName })).JsonAsync(HttpStatusCode.OK)));

        Assert.Single(answers, a => a["resumedWorkflowInstanceIds"]!.AsArray().Count == 1);
        Assert.Equal(7, answers.Count(a => a["queued"]!.GetValue<bool>()));
        Assert.Equal(["after event"], await Admin.LinesAsync(waiting.Text("id")));
        Assert.Equal("Finished", (await Admin.InstanceAsync(waiting.Text("id"))).Text("subStatus"));
    }

    [Fact]
    public async Task EventTrigger_StartsPublishedEventTriggers()
    {
        var eventName = NewId("ping");
        var id = NewId("evstart");
        await Admin.DeployAsync(Chain(id, Trigger("On1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line1", "started by event")));

        var response = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = "c-1" })).JsonAsync(HttpStatusCode.OK);

        var started = Assert.Single(response["startedWorkflowInstanceIds"]!.AsArray())!.GetValue<string>();
        Assert.Equal(["started by event"], await Admin.LinesAsync(started));
        Assert.Equal("c-1", (await Admin.InstanceAsync(started)).Text("correlationId"));
    }

    [Fact]
    public async Task RunTask_SuspendsWithTaskIdInBookmark_CompleteFinishes_SecondCompletion404()
    {
        var id = NewId("task");
        await Admin.DeployAsync(Sequence(id, Activity("Task1", "Elsa.RunTask", ("taskName", Literal("Approve refund"))), WriteLine("Line1", "done")));
        var waiting = await Admin.ExecuteAsync(id);
        var payload = waiting["bookmarks"]![0]!["payload"]!;
        Assert.Equal("Approve refund", payload.Text("taskName"));
        var taskId = payload.Text("taskId");

        var completed = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/tasks/{taskId}/complete", new { result = new { approved = true } })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Finished", completed.Text("subStatus"));
        Assert.Equal(["done"], await Admin.LinesAsync(waiting.Text("id")));
        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/tasks/{taskId}/complete", new { result = "again" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/tasks/no-such-task/complete", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunTask_CompletedTwiceInParallel_ExactlyOneSucceeds_WorkflowAdvancesOnce()
    {
        var id = NewId("race");
        await Admin.DeployAsync(Sequence(id, Activity("Task1", "Elsa.RunTask", ("taskName", Literal("Race"))), WriteLine("Line1", "done")));
        var waiting = await Admin.ExecuteAsync(id);
        var taskId = waiting["bookmarks"]![0]!["payload"]!.Text("taskId");
        var agent = await fixture.App.ClientWithRolesAsync("agent");

        var responses = await Task.WhenAll(
            Admin.PostAsJsonAsync($"{ElsaApi.Base}/tasks/{taskId}/complete", new { result = 1 }),
            agent.PostAsJsonAsync($"{ElsaApi.Base}/tasks/{taskId}/complete", new { result = 2 }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict);
        Assert.Equal(["done"], await Admin.LinesAsync(waiting.Text("id")));
    }

    [Fact]
    public async Task Cancel_BurnsBookmarks_SecondCancelIs409()
    {
        var id = NewId("cancel");
        await Admin.DeployAsync(Sequence(id, Activity("Wait1", "Elsa.Event", ("eventName", Literal(NewId("never"))))));
        var waiting = await Admin.ExecuteAsync(id);

        var cancelled = await (await Admin.PostAsync($"{ElsaApi.Base}/cancel/workflow-instances/{waiting.Text("id")}", null)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Cancelled", cancelled.Text("subStatus"));
        Assert.Empty(cancelled["workflowState"]!["bookmarks"]!.AsArray());
        await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-instances/{waiting.Text("id")}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-instances/nope/cancel", null)).ProblemAsync(HttpStatusCode.NotFound);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == waiting.Text("id")));
    }

    [Fact]
    public async Task DeleteInstance_RemovesInstanceBookmarksTimersAndJournal()
    {
        var id = NewId("delinst");
        await Admin.DeployAsync(Sequence(id, WriteLine("Line1", "x"), Activity("Delay1", "Elsa.Delay", ("timeSpan", Literal("01:00:00", "TimeSpan")))));
        var waiting = await Admin.ExecuteAsync(id);
        var instanceId = waiting.Text("id");

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-instances/{instanceId}")).StatusCode);

        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-instances/{instanceId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-instances/{instanceId}/journal")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"{ElsaApi.Base}/workflow-instances/{instanceId}")).ProblemAsync(HttpStatusCode.NotFound);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId));
        Assert.False(await db.WorkflowTimers.AnyAsync(t => t.InstanceId == instanceId));
        Assert.False(await db.WorkflowJournalBatches.AnyAsync(j => j.InstanceId == instanceId));
    }

    [Fact]
    public async Task Delay_CreatesTimerRowDueAfterTheDelay()
    {
        var id = NewId("delay");
        await Admin.DeployAsync(Sequence(id, Activity("Delay1", "Elsa.Delay", ("timeSpan", Literal("00:30:00", "TimeSpan"))), WriteLine("Line1", "late")));
        var before = DateTimeOffset.UtcNow;

        var waiting = await Admin.ExecuteAsync(id);

        Assert.Equal("Suspended", waiting.Text("subStatus"));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var timers = await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == waiting.Text("id")).ToListAsync();
        var timer = Assert.Single(timers);
        Assert.Null(timer.FiredAt);
        Assert.InRange(timer.DueAt, before.AddMinutes(30).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(5));
        Assert.Equal(waiting["bookmarks"]![0]!.Text("id"), timer.BookmarkId);
    }

    [Fact]
    public async Task HttpEndpoint_AnonymousRequest_AnsweredByWriteHttpResponse_UnknownPath404()
    {
        var path = NewId("orders");
        await Admin.DeployAsync(Chain(NewId("http"),
            Trigger("Http1", "Elsa.HttpEndpoint", ("path", Literal(path)), ("supportedMethods", Expr("Literal", new JsonArray("POST"), "String[]"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("statusCode", Literal("Created")),
                ("content", Expr("JavaScript", "'hello ' + getOutputFrom('Http1', 'ParsedContent').name", "String")),
                ("contentType", Literal("text/plain")))));

        var response = await fixture.App.Anonymous.PostAsync($"/workflows/{path}", new StringContent("""{"name":"Kim"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("hello Kim", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("x-elsa-workflow-instance-id"));
        await (await fixture.App.Anonymous.GetAsync($"/workflows/{path}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.App.Anonymous.PostAsync($"/workflows/{NewId("nothing")}", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HttpEndpoint_WaitingInstance_IsResumedByTheRequest()
    {
        var path = NewId("callback");
        var id = NewId("httpwait");
        await Admin.DeployAsync(Sequence(id,
            Activity("Wait1", "Elsa.HttpEndpoint", ("path", Literal(path)), ("supportedMethods", Expr("Literal", new JsonArray("PUT"), "String[]"))),
            Activity("Reply1", "Elsa.WriteHttpResponse", ("content", Expr("Object", new JsonObject { ["received"] = true })))));
        var waiting = await Admin.ExecuteAsync(id);
        Assert.Equal("Elsa.HttpEndpoint", waiting["bookmarks"]![0]!.Text("name"));

        var response = await fixture.App.Anonymous.PutAsync($"/workflows/{path}", new StringContent("done", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["received"]!.GetValue<bool>());
        Assert.Equal("Finished", (await Admin.InstanceAsync(waiting.Text("id"))).Text("subStatus"));
        await (await fixture.App.Anonymous.PutAsync($"/workflows/{path}", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InstanceList_FiltersAsStudio_AndDispatchAnswersInstanceId()
    {
        var id = NewId("listinst");
        await Admin.DeployAsync(Sequence(id, Activity("Wait1", "Elsa.Event", ("eventName", Literal(NewId("never"))))));
        var dispatched = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-definitions/{id}/dispatch", new { })).JsonAsync(HttpStatusCode.OK);
        await Admin.ExecuteAsync(id);

        var posted = await (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-instances", new { definitionId = id, subStatuses = new[] { "Suspended" }, page = 0, pageSize = 10 }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, posted["totalCount"]!.GetValue<int>());
        Assert.Contains(posted["items"]!.AsArray(), i => i!.Text("id") == dispatched.Text("workflowInstanceId"));
        var viaQuery = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-instances?definitionId={id}&status=Finished")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, viaQuery["totalCount"]!.GetValue<int>());
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-instances?status=Sleeping")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Execute_FaultedWorkflow_Answers500WithStateAndIncident()
    {
        var id = NewId("fault");
        await Admin.DeployAsync(Sequence(id, Activity("Fault1", "Elsa.Fault", ("message", Literal("boom")))));

        var state = await Admin.ExecuteAsync(id, expected: HttpStatusCode.InternalServerError);

        Assert.Equal("Faulted", state.Text("subStatus"));
        Assert.Equal("Fault1", state["incidents"]![0]!.Text("activityId"));
    }

    [Fact]
    public async Task Descriptors_EveryRegisteredActivityHasACatalogueEntry_AndStudioListsAnswer()
    {
        var registered = RegisteredActivityTypes.From(fixture.App.Services);
        Assert.NotEmpty(registered);
        var missing = registered.Where(t => !ActivityCatalog.Entries.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "no descriptor catalogue entry for: " + string.Join(", ", missing));

        var activities = await (await Admin.GetAsync($"{ElsaApi.Base}/descriptors/activities?Refresh=True")).JsonAsync(HttpStatusCode.OK);
        var items = activities["items"]!.AsArray();
        Assert.Equal(registered.Count + 1, activities["count"]!.GetValue<int>()); // + the Flowchart container
        var writeLine = items.Single(i => i!.Text("typeName") == "Elsa.WriteLine")!;
        Assert.Equal("Action", writeLine.Text("kind"));
        Assert.Equal("Text", writeLine["inputs"]![0]!.Text("name"));
        Assert.Equal("singleline", writeLine["inputs"]![0]!.Text("uiHint"));
        Assert.Equal("Trigger", items.Single(i => i!.Text("typeName") == "Elsa.HttpEndpoint")!.Text("kind"));
        Assert.Equal(["True", "False"], items.Single(i => i!.Text("typeName") == "Elsa.FlowDecision")!["ports"]!.AsArray().Select(p => p!.Text("name")));
        foreach (var list in new[] { "expression-descriptors", "variables", "storage-drivers", "incident-strategies", "workflow-activation-strategies", "log-persistence-strategies", "commit-strategies/workflows" })
        {
            Assert.NotNull((await (await Admin.GetAsync($"{ElsaApi.Base}/descriptors/{list}")).JsonAsync(HttpStatusCode.OK))["items"]);
        }
    }

    [Fact]
    public async Task Descriptors_DropDownInputs_CarryStudiosSelectListUnderUiSpecifications()
    {
        var activities = await (await Admin.GetAsync($"{ElsaApi.Base}/descriptors/activities")).JsonAsync(HttpStatusCode.OK);
        JsonNode Input(string type, string name) =>
            activities["items"]!.AsArray().Single(i => i!.Text("typeName") == type)!["inputs"]!.AsArray().Single(i => i!.Text("name") == name)!;

        // Studio 3.x reads only uiSpecifications.dropdown.selectList and selects the item whose value is the stored literal.
        var kind = Input("CustomerCases.AddCaseMessage", "Kind");
        Assert.Equal("dropdown", kind.Text("uiHint"));
        var selectList = kind["uiSpecifications"]!["dropdown"]!["selectList"]!;
        Assert.False(selectList["isFlagsEnum"]!.GetValue<bool>());
        Assert.Equal([("PublicReply", "PublicReply"), ("InternalNote", "InternalNote")],
            selectList["items"]!.AsArray().Select(i => (i.Text("text"), i.Text("value"))));

        var metric = Input("CustomerCases.WaitForSla", "Metric")["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray();
        Assert.Equal(("(any)", ""), (metric[0].Text("text"), metric[0].Text("value")));
        foreach (var (type, name) in new[] { ("CustomerCases.UpdateCase", "Status"), ("CustomerCases.HumanTask", "Priority"), ("Elsa.FlowJoin", "Mode") })
        {
            Assert.NotEmpty(Input(type, name)["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray());
        }

        // Inputs with other editors carry no dropdown specification.
        Assert.Null(Input("CustomerCases.AddCaseMessage", "Text")["uiSpecifications"]);
    }
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaRuntimeTestsOnSqlite(SqliteFixture fixture) : ElsaRuntimeTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaRuntimeTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaRuntimeTests(fixture);
