using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Sla;
using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>Targets, their warning and breach alarms, escalation and pauses, end to end through the API with a fake clock.</summary>
public abstract class SlaTimerTests : SlaTestHost
{
    [Fact]
    public async Task Intake_AttachesFirstMatchingPolicy_WithTimersAndExplanation()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "Urgent", category: "billing"));

        var sla = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;

        Assert.Equal(("urgent-fast", "24x7"), (sla.PolicyId, sla.CalendarId));
        var first = sla.Targets.Single(t => t.Metric == "FirstResponse");
        Assert.Equal(created.CreatedAt.AddSeconds(10), first.DueAt);
        Assert.Equal("InProgress", first.Stage);
        Assert.Contains("urgent-fast", first.Explanation, StringComparison.Ordinal);
        Assert.Contains("case.priority == 'Urgent'", first.Explanation, StringComparison.Ordinal);
        // Each target's alarm is its next instant (the warning at 50 %); the breach is set when the warning fires.
        var firstResponse = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal((created.CreatedAt.AddSeconds(5), 0.5, 0.0), (firstResponse.AlarmAt, firstResponse.AlarmFraction, firstResponse.FiredFraction));
        var resolution = await TargetAsync(created.Id, "Resolution");
        Assert.Equal((created.CreatedAt.AddHours(4), 0.5), (resolution.AlarmAt, resolution.AlarmFraction));
    }

    [Fact]
    public async Task WarningAndBreach_FireOnceNeverEarly_BreachEscalatesThroughShippedWorkflow()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "billing"));
        var target = await TargetAsync(created.Id, "FirstResponse");

        Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        await FireAsync(target.Id);
        Assert.Equal((0.0, created.CreatedAt.AddSeconds(5)), ((await TargetAsync(created.Id, "FirstResponse")).FiredFraction, (await TargetAsync(created.Id, "FirstResponse")).AlarmAt)); // a tick early: nothing

        Clock.Advance(TimeSpan.FromTicks(1));
        await FireAsync(target.Id);
        await FireAsync(target.Id); // a duplicate wake-up: the alarm now points at the breach, which is not due
        var warned = await App.Admin.GetCaseAsync(created.Id);
        Assert.Single(warned.Messages!, m => m.Kind == "InternalNote" && m.Body.StartsWith("SLA warning", StringComparison.Ordinal));
        Assert.Equal(0, warned.EscalationLevel);
        var afterWarning = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal((0.5, Clock.GetUtcNow()), (afterWarning.FiredFraction, afterWarning.LastFiredAt));
        Assert.Equal((created.CreatedAt.AddSeconds(10), 1.0), (afterWarning.AlarmAt, afterWarning.AlarmFraction));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await FireAsync(target.Id);
        await FireAsync(target.Id);

        var escalated = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal((1, "Urgent", "escalations"), (escalated.EscalationLevel, escalated.Priority, escalated.Queue));
        Assert.Single(escalated.Messages!, m => m.Kind == "InternalNote" && m.Body.StartsWith("Escalated to level 1", StringComparison.Ordinal));
        var history = (await App.Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{created.Id}/history"))!;
        Assert.Contains(history, h => h.Kind == "Escalated" && h.Reason!.Contains("FirstResponse breached", StringComparison.Ordinal));

        // The raised priority re-targets the case under urgent-fast, keeping its start: resolution now due 8 h after creation.
        var sla = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;
        Assert.Equal("urgent-fast", sla.PolicyId);
        Assert.Equal(created.CreatedAt.AddHours(8), sla.Targets.Single(t => t.Metric == "Resolution").DueAt);
        Assert.True(sla.Targets.Single(t => t.Metric == "FirstResponse").Breached);
        // Fired once, not re-armed by the new policy: nothing is left to fire on the breached target.
        var breached = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal((1.0, (DateTimeOffset?)null), (breached.FiredFraction, breached.AlarmAt));
        Assert.True(breached.LastFiredAt >= breached.DueAt);

        var breaches = (await App.Admin.GetFromJsonAsync<List<SlaListItemDto>>("/api/sla/breaches"))!;
        Assert.Contains(breaches, b => b.CaseId == created.Id && b.Metric == "FirstResponse");
    }

    [Fact]
    public async Task Restart_BetweenScheduleAndDue_TimerSurvivesAndFiresOnce()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "restart"));
        var target = await TargetAsync(created.Id, "FirstResponse");

        await RestartAsync();
        Clock.Advance(TimeSpan.FromSeconds(10));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<SweepTimersJob>().RunAsync(atStart: true, CancellationToken.None) >= 1);
        }

        await FireAsync(target.Id); // the breach: the warning, overdue behind it, is skipped (a breached target warns no more)
        await RestartAsync();
        await FireAsync(target.Id); // nothing left

        var escalated = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.DoesNotContain(escalated.Messages!, m => m.Kind == "InternalNote" && m.Body.StartsWith("SLA warning", StringComparison.Ordinal));
        Assert.Equal(1.0, (await TargetAsync(created.Id, "FirstResponse")).FiredFraction);
    }

    [Fact]
    public async Task ConcurrentWakeUps_FireExactlyOnce()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "race"));
        var target = await TargetAsync(created.Id, "FirstResponse");
        Clock.Advance(TimeSpan.FromSeconds(10)); // warning and breach both due

        var attempts = Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await FireAsync(target.Id);
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                // a loser may fail on the instance's revision and be retried by Hangfire; it must never fire twice
            }
        });
        await Task.WhenAll(attempts);
        await FireAsync(target.Id);
        await FireAsync(target.Id);

        var c = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal(1, c.EscalationLevel);
        Assert.Single(c.Messages!, m => m.Kind == "InternalNote" && m.Body.StartsWith("Escalated to level 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PauseAndResume_ClearsTheAlarmWhilePaused_AndMovesTheDueTime()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "pause"));
        Clock.Advance(TimeSpan.FromSeconds(2));
        (await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "PendingCustomer" })).EnsureSuccessStatusCode();

        var paused = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;
        Assert.Equal("Paused", paused.Targets.Single(t => t.Metric == "FirstResponse").Stage);
        Assert.Null((await TargetAsync(created.Id, "FirstResponse")).AlarmAt);

        Clock.Advance(TimeSpan.FromSeconds(60));
        (await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { status = "Open" })).EnsureSuccessStatusCode();

        var resumed = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!.Targets.Single(t => t.Metric == "FirstResponse");
        Assert.Equal(created.CreatedAt.AddSeconds(70), resumed.DueAt);
        Assert.Equal(created.CreatedAt.AddSeconds(10), resumed.OriginalDueAt);
        Assert.Equal(60, resumed.PausedBusinessSeconds);
        Assert.Contains("Paused while PendingCustomer", resumed.Explanation, StringComparison.Ordinal);
        // 2 s ran before the pause: the warning (5 s of the 10 s) is due 3 s after the resume, at +65 s.
        var alarm = await TargetAsync(created.Id, "FirstResponse");
        Assert.Equal((created.CreatedAt.AddSeconds(65), 0.5), (alarm.AlarmAt, alarm.AlarmFraction));
    }

    [Fact]
    public async Task AgentReply_CompletesFirstResponse_CustomerMessageStartsNextReply()
    {
        RequireDatabase();
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "reply"));
        Clock.Advance(TimeSpan.FromSeconds(3));
        (await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "reply", body = "On it." })).EnsureSuccessStatusCode();
        Clock.Advance(TimeSpan.FromSeconds(3));
        (await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "customer", body = "Any news?" })).EnsureSuccessStatusCode();

        var sla = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;

        var first = sla.Targets.Single(t => t.Metric == "FirstResponse");
        Assert.Equal(("Completed", false), (first.Stage, first.Breached));
        var next = sla.Targets.Single(t => t.Metric == "NextReply");
        Assert.Equal((1, "InProgress"), (next.Cycle, next.Stage));
        Assert.Equal(Clock.GetUtcNow().AddMinutes(1), next.DueAt);
        Assert.Null((await TargetAsync(created.Id, "FirstResponse")).AlarmAt);
        var atRisk = (await App.Admin.GetFromJsonAsync<List<SlaListItemDto>>("/api/sla/at-risk"))!;
        Assert.Equal(atRisk.OrderBy(a => a.DueAt).Select(a => a.DueAt), atRisk.Select(a => a.DueAt));
        Assert.Contains(atRisk, a => a.CaseId == created.Id && a.Metric == "NextReply");
    }

    [Fact]
    public async Task ManagerEndpoints_RefuseAgents()
    {
        RequireDatabase();
        var agent = await App.ClientWithRolesAsync("agent");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/sla/breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/reports/sla")).StatusCode);
    }
}

public sealed class SlaTimerTestsOnSqlite : SlaTimerTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class SlaTimerTestsOnPostgreSql : SlaTimerTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
