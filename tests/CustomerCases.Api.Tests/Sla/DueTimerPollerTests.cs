using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>
/// The per-node timer poller (the fast path that makes timers punctual): never early by the injected clock, once when
/// two nodes poll the same database at the same moment, and nothing lost across a restart without any Hangfire wake-up.
/// Each test drives passes by hand with a fake clock (the background loop is off in tests: Jobs:RunServer=false).
/// </summary>
public abstract class DueTimerPollerTests : SlaTestHost
{
    [Fact]
    public async Task Poll_ATickBeforeTheDueTime_FiresNothing_AtTheDueTime_FiresExactlyThen()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "poll-early"));
        var warning = await TargetAsync(created.Id, "FirstResponse");
        var warningAt = warning.AlarmAt!.Value;

        Clock.Advance(warningAt - Clock.GetUtcNow() - TimeSpan.FromTicks(1));
        await PollAsync(App);
        Assert.Equal(0.0, (await TargetAsync(created.Id, "FirstResponse")).FiredFraction);

        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(await PollAsync(App) >= 1);

        var fired = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal((0.5, warningAt), (fired.FiredFraction, fired.LastFiredAt));
        Assert.Equal((fired.DueAt, 1.0), (fired.AlarmAt!.Value, fired.AlarmFraction)); // the breach is next, not fired
        Assert.Single(await WarningNotesAsync(created.Id));
    }

    [Fact]
    public async Task TwoNodes_PollingAtTheSameMoment_FireEachTimerOnce()
    {
        RequireDatabase();
        await using var second = StartApp(); // a second API node on the same database and clock
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "poll-race"));

        Clock.Advance(TimeSpan.FromSeconds(5)); // the warning is due
        await RaceAsync(App, second);
        Assert.Single(await WarningNotesAsync(created.Id));

        Clock.Advance(TimeSpan.FromSeconds(5)); // the breach is due
        await RaceAsync(App, second);

        var escalated = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.Single(await WarningNotesAsync(created.Id));
        var breached = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal(1.0, breached.FiredFraction);
        Assert.True(breached.LastFiredAt >= breached.DueAt); // never early
    }

    [Fact]
    public async Task Restart_WithoutAnyHangfireWakeUp_PollerFiresEachTimerOnce()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "poll-restart"));

        await RestartAsync(); // the in-memory Hangfire wake-ups are gone with the old process
        Clock.Advance(TimeSpan.FromSeconds(6)); // the warning is overdue
        await PollAsync(App);
        await RestartAsync();
        Clock.Advance(TimeSpan.FromSeconds(6)); // the breach is overdue
        await PollAsync(App);
        await RestartAsync();
        Clock.Advance(DueTimerPoller.RetryAfter);
        await PollAsync(App);

        Assert.Equal(1, (await App.Admin.GetCaseAsync(created.Id)).EscalationLevel);
        Assert.Single(await WarningNotesAsync(created.Id));
        var breached = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal(1.0, breached.FiredFraction);
        Assert.True(breached.LastFiredAt >= breached.DueAt); // never early
    }

    [Fact]
    public async Task WorkflowTimer_TwoNodesRace_NeverEarly_ClosesTheCaseOnce()
    {
        RequireDatabase();
        await using var second = StartApp();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Opening hours?", category: "product_question"));
        var timer = await WorkflowTimerAsync(created.Id);
        var first = WorkflowTimersOnly(App);
        var other = WorkflowTimersOnly(second);

        Clock.Advance(timer.DueAt - Clock.GetUtcNow() - TimeSpan.FromTicks(1));
        await Task.WhenAll(first.PollOnceAsync(CancellationToken.None), other.PollOnceAsync(CancellationToken.None));
        Assert.Null((await WorkflowTimerAsync(created.Id)).FiredAt);

        Clock.Advance(TimeSpan.FromTicks(1));
        await Task.WhenAll(first.PollOnceAsync(CancellationToken.None), other.PollOnceAsync(CancellationToken.None));
        Clock.Advance(DueTimerPoller.RetryAfter);
        await Task.WhenAll(first.PollOnceAsync(CancellationToken.None), other.PollOnceAsync(CancellationToken.None));

        var closed = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Single(closed.Messages!, m => m.Body.StartsWith("We have not heard from you", StringComparison.Ordinal));
        Assert.Equal(timer.DueAt, (await WorkflowTimerAsync(created.Id)).FiredAt);
    }

    /// <summary>Both nodes poll at once, then again after the retry delay (a node that lost on the case's version retries).</summary>
    private async Task RaceAsync(CustomerCasesApp a, CustomerCasesApp b)
    {
        await Task.WhenAll(PollAsync(a), PollAsync(b));
        Clock.Advance(DueTimerPoller.RetryAfter);
        await Task.WhenAll(PollAsync(a), PollAsync(b));
    }

    private static Task<int> PollAsync(CustomerCasesApp app) =>
        app.Services.GetRequiredService<DueTimerPoller>().PollOnceAsync(CancellationToken.None);

    /// <summary>A poller over the workflow timer table alone, so the SLA timers that fall due in a week stay out of the way.</summary>
    private DueTimerPoller WorkflowTimersOnly(CustomerCasesApp app) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), [new WorkflowTimerTable()], app.Services.GetRequiredService<JobsOptions>(), Clock,
            NullLogger<DueTimerPoller>.Instance);

    private async Task<List<string>> WarningNotesAsync(Guid caseId) =>
        [.. (await App.Admin.GetCaseAsync(caseId)).Messages!.Where(m => m.Kind == "InternalNote" && m.Body.StartsWith("SLA warning", StringComparison.Ordinal))
            .Select(m => m.Body)];

    private async Task<Persistence.Workflows.WorkflowTimerRecord> WorkflowTimerAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId.ToString() && i.DefinitionId == "general-inquiry");
        return await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id);
    }
}

public sealed class DueTimerPollerTestsOnSqlite : DueTimerPollerTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class DueTimerPollerTestsOnPostgreSql : DueTimerPollerTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
