using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>The shipped refund-request workflow end to end: agent triage, manager approval above the limit, reply, close.</summary>
public abstract class RefundRequestWorkflowTests(ProviderFixture fixture) : TaskTestBed(fixture, shippedWorkflows: true)
{
    [Fact]
    public async Task AboveTheLimit_TriagedByAnAgent_ApprovedByAManager_ThenClosed()
    {
        var (agentClient, approverClient) = await StaffAsync();
        var @case = await OpenRefundAsync();
        var triage = await TaskOfCaseAsync(@case.Id);
        Assert.Equal("refunds", triage.Queue);
        Assert.Equal(["Approve", "Reject", "NeedInfo"], triage.Outcomes);
        Assert.StartsWith($"Triage refund request {@case.Number}", triage.Title, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await agentClient.PostAsync($"/api/tasks/{triage.Id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(agentClient, triage.Id, "Approve", new { amount = 250, note = "charged twice" })).StatusCode);

        var approval = await TaskOfCaseAsync(@case.Id);
        Assert.Equal(("refund-approvals", "High"), (approval.Queue, approval.Priority));
        Assert.Equal(HttpStatusCode.NotFound, (await agentClient.GetAsync($"/api/tasks/{approval.Id}")).StatusCode); // not his queue
        Assert.Equal("Open", (await Admin.GetCaseAsync(@case.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(approverClient, approval.Id, "Approved", new { comment = "ok" })).StatusCode);

        var closed = await Admin.GetCaseAsync(@case.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Contains(closed.Messages!, m => m.Kind == "PublicReply" && m.Body == "Good news: your refund of 250 has been approved.");
        Assert.Empty(await TasksOfCaseAsync(@case.Id));
        var history = (await Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{@case.Id}/history"))!;
        Assert.Equal(["Approve", "Approved"], history.Where(h => h.Kind == "TaskCompleted").Select(h => h.NewValue));
    }

    [Fact]
    public async Task WithinTheLimit_NeedsNoManager()
    {
        var (agentClient, _) = await StaffAsync();
        var @case = await OpenRefundAsync();
        var triage = await TaskOfCaseAsync(@case.Id);

        // The shipped form bounds the amount (min 0; 0 is what Reject and NeedInfo carry): a negative refund is a typo.
        var negative = await (await CompleteAsync(agentClient, triage.Id, "Approve", new { amount = -40 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["must be at least 0."], negative.Errors!["data.amount"]);
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(agentClient, triage.Id, "Approve", new { amount = 40 })).StatusCode);

        var closed = await Admin.GetCaseAsync(@case.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Empty(await TasksOfCaseAsync(@case.Id));
    }

    [Fact]
    public async Task NeedInfo_AsksTheCustomer_AndTriagesAgainOnTheReply()
    {
        var (agentClient, _) = await StaffAsync();
        var @case = await OpenRefundAsync();
        var triage = await TaskOfCaseAsync(@case.Id);

        await CompleteAsync(agentClient, triage.Id, "NeedInfo", new { amount = 0, note = "Which order was it?" });
        Assert.Contains((await Admin.GetCaseAsync(@case.Id)).Messages!, m => m.Kind == "PublicReply" && m.Body.EndsWith("Which order was it?", StringComparison.Ordinal));
        Assert.Empty(await TasksOfCaseAsync(@case.Id));

        await Admin.PostAsJsonAsync($"/api/cases/{@case.Id}/messages", new { kind = "customer", body = "Order 881." });

        var again = await TaskOfCaseAsync(@case.Id);
        Assert.NotEqual(triage.Id, again.Id);
        Assert.Equal("refunds", again.Queue);
    }

    private async Task<(HttpClient Agent, HttpClient Approver)> StaffAsync()
    {
        // The shipped workflow names its queues; each test class has its own database, so they are created once here.
        await Admin.PostAsJsonAsync("/api/queues", new { name = "refunds", strategy = "Pull" });
        await Admin.PostAsJsonAsync("/api/queues", new { name = "refund-approvals", strategy = "Pull" });
        var (_, agent) = await CreateAgentAsync("refund-agent", ["refunds"], skills: ["billing"]);
        var (_, approver) = await CreateAgentAsync("refund-manager", ["refund-approvals"]);
        return (agent, approver);
    }

    private Task<CaseDto> OpenRefundAsync() =>
        Admin.CreateAsync(CaseApi.NewCase(subject: "Charged twice", description: "Please refund the second charge.", category: "refund"));
}

public sealed class RefundRequestWorkflowTestsOnSqlite(SqliteFixture fixture) : RefundRequestWorkflowTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RefundRequestWorkflowTestsOnPostgreSql(PostgreSqlFixture fixture) : RefundRequestWorkflowTests(fixture), IClassFixture<PostgreSqlFixture>;
