using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>Changes while cases run: a calendar change keeps elapsed time; racing definition PUTs never answer 500.</summary>
public abstract class SlaMidFlightTests : SlaTestHost
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PriorityChange_ToPolicyWithOtherCalendar_KeepsBusinessTimeElapsedUnderTheOldCalendar()
    {
        RequireDatabase();
        // Monday 09:00 UTC = 10:00 in Berlin: office-standard (office hours until 17:00 Berlin = 16:00 UTC).
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "Normal"));
        Clock.Advance(TimeSpan.FromHours(8)); // 17:00 UTC: 7 h of office time and 8 h of wall-clock time have passed

        var patched = await App.Admin.PatchJsonAsync($"/api/cases/{created.Id}", new { priority = "Urgent" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        // urgent-fast: 8 h around the clock. 7 h were used up in office hours, so 1 h remains — not 0 (all 8 wall hours
        // counted around the clock) and not 8 + the rest of the office week.
        var now = Clock.GetUtcNow();
        var sla = (await App.Admin.GetFromJsonAsync<CaseSlaDto>($"/api/cases/{created.Id}/sla"))!;
        var resolution = sla.Targets.Single(t => t.Metric == "Resolution");
        Assert.Equal(("urgent-fast", "24x7"), (sla.PolicyId, sla.CalendarId));
        Assert.Equal(now.AddHours(1), resolution.DueAt);
        Assert.False(resolution.Breached);
        Assert.Contains("'office' v1", resolution.Explanation, StringComparison.Ordinal);

        var stored = (await TargetsAsync(created.Id)).Single(t => t.Metric == "Resolution");
        Assert.Equal((now.AddHours(1), 7 * 3600.0), (stored.DueAt, stored.BusinessElapsedSeconds));
        // 7 of 8 h used: the 50 % warning is already overdue, so it is the alarm and fires at once (the breach follows it).
        Assert.Equal((now.AddHours(-4), 0.5), (stored.AlarmAt, stored.AlarmFraction)); // 4 h of office time: 13:00 UTC

        // Later recomputations (a reply, a timer) keep the same answer: the change is recorded once, from its time on.
        Clock.Advance(TimeSpan.FromMinutes(30));
        await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/messages", new { kind = "note", body = "looking" });
        Assert.Equal(now.AddHours(1), (await TargetsAsync(created.Id)).Single(t => t.Metric == "Resolution").DueAt);
        await using var scope = App.Services.CreateAsyncScope();
        var periods = await scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>().SlaCalendarPeriods.AsNoTracking()
            .Where(p => p.CaseId == created.Id).OrderBy(p => p.From).Select(p => p.CalendarId).ToListAsync();
        Assert.Equal(["office", "24x7"], periods);
    }

    [Fact]
    public async Task ConcurrentPuts_OfOnePolicy_NeverAnswer500_VersionsStayGapless()
    {
        RequireDatabase();
        var bodies = Enumerable.Range(1, 8).Select(h => SlaTestDefinitions.HighFast.Replace("\"resolution\":\"PT1H\"", $"\"resolution\":\"PT{h + 1}H\"", StringComparison.Ordinal));

        var responses = await Task.WhenAll(bodies.Select(b => App.Admin.PutAsync("/api/sla/policies/high-fast", Json(b))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("concurrent_update", (await conflict.ProblemAsync(HttpStatusCode.Conflict)).Code);
        }

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var current = (await App.Admin.GetFromJsonAsync<SlaDefinitionDto>("/api/sla/policies/high-fast"))!;
        Assert.Equal(Enumerable.Range(1, created + 1), current.Versions!);
    }

    [Fact]
    public async Task ConcurrentPuts_OfTheSameDefinition_AllSucceed_OneVersion()
    {
        RequireDatabase();
        var body = SlaTestDefinitions.UrgentFast.Replace("PT8H", "PT7H", StringComparison.Ordinal);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Admin.PutAsync("/api/sla/policies/urgent-fast", Json(body))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Equal([1, 2], (await App.Admin.GetFromJsonAsync<SlaDefinitionDto>("/api/sla/policies/urgent-fast"))!.Versions!);
    }
}

public sealed class SlaMidFlightTestsOnSqlite : SlaMidFlightTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class SlaMidFlightTestsOnPostgreSql : SlaMidFlightTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
