using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Cases;

public abstract class CaseWorkTests(ProviderFixture fixture)
{
    private CustomerCasesApp App => fixture.App;

    [Fact]
    public async Task Patch_ChangesFieldsThroughDomainRulesAndRecordsHistory()
    {
        var agent = await App.ClientWithRolesAsync("agent");
        var created = await App.Admin.CreateAsync();

        var response = await agent.PatchJsonAsync($"/api/cases/{created.Id}",
            new { assignee = "ada", priority = "Urgent", category = "delivery", queue = "logistics", tags = new[] { "Late" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await response.Content.ReadFromJsonAsync<CaseDto>())!;
        Assert.Equal(("Open", "Urgent", "delivery", "logistics", "ada"), (updated.Status, updated.Priority, updated.Category, updated.Queue, updated.Assignee));
        var history = (await agent.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{created.Id}/history"))!;
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Sequence));
        Assert.Contains(history, h => h is { Kind: "PriorityChanged", OldValue: "Normal", NewValue: "Urgent", ActorKind: "User" });
        Assert.Contains(history, h => h is { Kind: "StatusChanged", OldValue: "New", NewValue: "Open", Reason: "assigned" });
        Assert.Contains(history, h => h is { Kind: "QueueChanged", NewValue: "logistics", ActorKind: "User" });
    }

    [Fact]
    public async Task Patch_IllegalTransition_Returns409AndChangesNothing()
    {
        var created = await App.Admin.CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Closed" })).StatusCode);

        var response = await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Open", priority = "High" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case_closed", problem.Code);
        var stored = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(("Closed", "Normal"), (stored.Status, stored.Priority));
    }

    [Fact]
    public async Task Patch_BackToNew_Returns409IllegalTransition()
    {
        var created = await App.Admin.CreateAsync();
        await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Open" });

        var problem = await (await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "New" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("illegal_transition", problem.Code);
    }

    [Fact]
    public async Task Patch_StaleIfMatch_Returns412AndCurrentIfMatchSucceeds()
    {
        var created = await App.Admin.CreateAsync();
        var get = await App.Admin.GetAsync($"/api/cases/{created.Id}");
        var etag = get.Headers.ETag!.Tag;
        await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { priority = "High" });

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/cases/{created.Id}") { Content = JsonContent.Create(new { priority = "Low" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var problem = await (await App.Admin.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal("version_mismatch", problem.Code);
        Assert.Equal("High", (await App.Admin.GetCaseAsync(created.Id)).Priority);
    }

    [Fact]
    public async Task Patch_UnknownOrInvalidFields_Returns400PerField()
    {
        var created = await App.Admin.CreateAsync();

        var problem = await (await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}",
            new { status = "Done", priority = (string?)null, subject = "x", tags = "a" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["priority", "status", "subject", "tags"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Patch_UnknownCase_Returns404()
    {
        await (await App.Admin.PatchJsonAsync($"/api/cases/{Guid.NewGuid()}", new { priority = "High" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Messages_ReplyThenCustomerAnswerOnPendingCase_OpensAndReopens()
    {
        var created = await App.Admin.CreateAsync();
        var reply = await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "reply", body = "Looking into it" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var afterReply = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Open", afterReply.Status);
        Assert.NotNull(afterReply.FirstRespondedAt);

        await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "PendingCustomer" });
        var intake = await App.ClientWithRolesAsync("intake");
        var answer = await intake.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "Here is the photo" });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var stored = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Open", stored.Status);
        Assert.Equal(["CustomerMessage", "PublicReply", "CustomerMessage"], stored.Messages!.Select(m => m.Kind));
        Assert.Equal("Customer", stored.Messages![2].AuthorKind);
    }

    [Fact]
    public async Task Messages_CustomerWritesOnClosedCase_OpensLinkedFollowUp()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(category: "delivery"));
        await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Closed" });

        var response = await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "It broke again" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<MessageAddedDto>())!;
        Assert.True(added.FollowUpCreated);
        Assert.NotEqual(created.Id, added.CaseId);
        var followUp = await App.Admin.GetCaseAsync(added.CaseId);
        Assert.Equal((created.Id, "New", "delivery", created.Customer.Id), (followUp.FollowUpOfCaseId!.Value, followUp.Status, followUp.Category, followUp.Customer.Id));
        Assert.Equal("Closed", (await App.Admin.GetCaseAsync(created.Id)).Status);
    }

    [Fact]
    public async Task Messages_IntakeKeyWritingInternalNote_Returns403()
    {
        var created = await App.Admin.CreateAsync();
        var intake = await App.ClientWithRolesAsync("intake");

        var response = await intake.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "note", body = "secret" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await App.Admin.GetCaseAsync(created.Id)).Messages!);
    }

    [Fact]
    public async Task Messages_InvalidKindAndEmptyBody_Returns400()
    {
        var created = await App.Admin.CreateAsync();

        var problem = await (await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "shout", body = " " }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body", "kind"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task List_FiltersSortsAndPagesWithTotal()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var marker = Guid.NewGuid().ToString("N")[..8];
        var low = await App.Admin.CreateAsync(CaseApi.NewCase(email, subject: $"Low {marker}", priority: "Low"));
        var urgent = await App.Admin.CreateAsync(CaseApi.NewCase(email, subject: $"Urgent {marker}", priority: "Urgent"));
        var high = await App.Admin.CreateAsync(CaseApi.NewCase(email, subject: $"High {marker}", priority: "High"));
        await App.Admin.PatchJsonAsync($"/api/cases/{high.Id}", new { status = "OnHold", queue = "q-" + marker });

        var byPriority = (await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?customer={email}&sort=-priority&pageSize=2"))!;
        Assert.Equal(3, byPriority.Total);
        Assert.Equal([urgent.Id, high.Id], byPriority.Items.Select(c => c.Id));
        var secondPage = (await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?customer={email}&sort=-priority&pageSize=2&page=2"))!;
        Assert.Equal([low.Id], secondPage.Items.Select(c => c.Id));

        var byText = (await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?text={marker.ToUpperInvariant()}&status=New&priority=Low,Urgent&sort=createdAt"))!;
        Assert.Equal([low.Id, urgent.Id], byText.Items.Select(c => c.Id));
        var byQueue = (await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?queue=q-{marker}&status=OnHold"))!;
        Assert.Equal([high.Id], byQueue.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task List_InvalidParameters_Returns400()
    {
        var problem = await (await App.Admin.GetAsync("/api/cases?status=Sleeping&pageSize=1000&sort=colour")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["pageSize", "sort", "status"], problem.Errors!.Keys.Order());
    }
}

public sealed class CaseWorkTestsOnSqlite(SqliteFixture fixture) : CaseWorkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseWorkTestsOnPostgreSql(PostgreSqlFixture fixture) : CaseWorkTests(fixture), IClassFixture<PostgreSqlFixture>;
