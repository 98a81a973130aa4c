using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Elsa;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCases.Api.Tests.Workflows;

/// <summary>The shipped case workflows, driven through the API, with a fake clock for their timers.</summary>
public abstract class CaseWorkflowTests(ProviderFixture fixture) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private CustomerCasesApp? _app;

    private CustomerCasesApp App => _app!;

    public ValueTask InitializeAsync()
    {
        // The fixture decides the provider (and skips PostgreSQL when unavailable); this class needs its own clock.
        var database = fixture.App.Database;
        _app = new CustomerCasesApp(database, services: s => s.AddSingleton<TimeProvider>(_clock), shippedWorkflows: true);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Complaint_StartsComplaintWorkflow_EscalatesRepliesThenClosesOnCustomerAnswer()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Rude driver", category: "complaint"));

        var afterIntake = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(("High", "complaints"), (afterIntake.Priority, afterIntake.Queue));
        Assert.Contains(afterIntake.Messages!, m => m.Kind == "PublicReply" && m.AuthorKind == "Workflow");
        var instance = await SingleInstanceAsync(created.Id);
        Assert.Equal(("complaint", "Suspended"), (instance.DefinitionId, instance.SubStatus));

        var answer = await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "Thank you, all good now" });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);

        var closed = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Contains(closed.Messages!, m => m.Body.Contains("Thank you, all good now", StringComparison.Ordinal) && m.Kind == "InternalNote");
        Assert.Equal("Finished", (await SingleInstanceAsync(created.Id)).Status);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        Assert.False(await db.Bookmarks.AnyAsync(b => b.CorrelationId == created.Id.ToString()));
    }

    [Fact]
    public async Task GeneralInquiry_QuietForSevenDays_TimerFiresOnceAndNeverEarly()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Opening hours?", category: "product_question"));
        Assert.Equal("general-inquiry", (await SingleInstanceAsync(created.Id)).DefinitionId);
        var timer = await SingleTimerAsync(created.Id);
        Assert.Equal(_clock.GetUtcNow().AddDays(7), timer.DueAt);

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await FireAsync(timer.Id);
        Assert.Equal("New", (await App.Admin.GetCaseAsync(created.Id)).Status); // one second early: nothing happens

        _clock.Advance(TimeSpan.FromSeconds(1));
        await FireAsync(timer.Id);
        await FireAsync(timer.Id); // a duplicate wake-up

        var closed = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Single(closed.Messages!, m => m.Body.StartsWith("We have not heard from you", StringComparison.Ordinal));
        Assert.NotNull((await SingleTimerAsync(created.Id)).FiredAt);
    }

    [Fact]
    public async Task GeneralInquiry_CustomerRepliesBeforeTimeout_CancelsTheTimer()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Where is my invoice", category: "billing"));
        var timer = await SingleTimerAsync(created.Id);

        await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "Any news?" });
        _clock.Advance(TimeSpan.FromDays(8));
        await FireAsync(timer.Id);

        var stored = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(("Open", "general"), (stored.Status, stored.Queue));
        Assert.DoesNotContain(stored.Messages!, m => m.Body.StartsWith("We have not heard from you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseClosedByPatch_CancelsItsWorkflowInstance_BookmarksAndTimerGo_JournalSaysWhy()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Never mind", category: "billing"));
        var timer = await SingleTimerAsync(created.Id);

        var patched = await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Closed" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var instance = await SingleInstanceAsync(created.Id);
        Assert.Equal(("Finished", "Cancelled"), (instance.Status, instance.SubStatus));
        Assert.NotNull((await SingleTimerAsync(created.Id)).FiredAt); // cancelled with its bookmark
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == instance.Id));
            var journal = (await WorkflowJournal.ReadAsync(db, instance.Id)).Where(j => j.EventName == "Cancelled").ToList();
            Assert.Contains(journal, j => j.Message != null && j.Message.Contains("closed by", StringComparison.Ordinal));
        }

        _clock.Advance(TimeSpan.FromDays(8));
        await FireAsync(timer.Id); // a wake-up already scheduled finds nothing to do
        var closed = await App.Admin.GetCaseAsync(created.Id);
        Assert.DoesNotContain(closed.Messages!, m => m.Body.StartsWith("We have not heard from you", StringComparison.Ordinal));
        Assert.Equal("Cancelled", (await SingleInstanceAsync(created.Id)).SubStatus);
    }

    [Fact]
    public async Task CaseClosedByAWorkflow_CancelsTheCasesOtherRunningInstances()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Close me", category: "billing"));
        var general = await SingleInstanceAsync(created.Id);
        var closer = ElsaWorkflows.NewId("closer");
        var eventName = ElsaWorkflows.NewId("close-now");
        await App.Admin.DeployAsync(ElsaWorkflows.Sequence(closer,
            ElsaWorkflows.Activity("Wait1", "Elsa.Event", ("eventName", ElsaWorkflows.Literal(eventName))),
            ElsaWorkflows.Activity("Close1", "CustomerCases.CloseCase", ("resolution", ElsaWorkflows.Literal("done by the closer"))),
            ElsaWorkflows.WriteLine("Line1", "after close")));
        var closing = await App.Admin.ExecuteAsync(closer, new { correlationId = created.Id.ToString() });

        await (await App.Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { correlationId = created.Id.ToString() })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Closed", (await App.Admin.GetCaseAsync(created.Id)).Status);
        Assert.Equal("Finished", (await App.Admin.InstanceAsync(closing.Text("id"))).Text("subStatus")); // the closer ran to its end
        Assert.Equal(["after close"], await App.Admin.LinesAsync(closing.Text("id")));
        var cancelled = await App.Admin.InstanceAsync(general.Id);
        Assert.Equal(("Finished", "Cancelled"), (cancelled.Text("status"), cancelled.Text("subStatus")));
        Assert.NotNull((await SingleTimerAsync(created.Id)).FiredAt);
    }

    [Fact]
    public async Task WorkflowAcknowledgement_DoesNotCountAsFirstResponse()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(category: "delivery"));

        var stored = await App.Admin.GetCaseAsync(created.Id);
        Assert.Contains(stored.Messages!, m => m.Kind == "PublicReply");
        Assert.Null(stored.FirstRespondedAt);
    }

    private async Task FireAsync(Guid timerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FireWorkflowTimerJob>().RunAsync(timerId, CancellationToken.None);
    }

    private async Task<Persistence.Workflows.WorkflowInstanceRecord> SingleInstanceAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        // The shipped workflow of the case (tests may add instances of their own definitions).
        return await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId.ToString() && i.DefinitionId == "general-inquiry"
            || i.CorrelationId == caseId.ToString() && i.DefinitionId == "complaint");
    }

    private async Task<Persistence.Workflows.WorkflowTimerRecord> SingleTimerAsync(Guid caseId)
    {
        var instance = await SingleInstanceAsync(caseId);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        return await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id);
    }
}

public sealed class CaseWorkflowTestsOnSqlite(SqliteFixture fixture) : CaseWorkflowTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseWorkflowTestsOnPostgreSql(PostgreSqlFixture fixture) : CaseWorkflowTests(fixture), IClassFixture<PostgreSqlFixture>;
