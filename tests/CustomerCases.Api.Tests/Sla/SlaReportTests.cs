using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>SLA attainment and demand reports, JSON and CSV.</summary>
public abstract class SlaReportTests : SlaTestHost
{
    [Fact]
    public async Task SlaReport_ByPriority_CountsAttainmentAndBreaches_JsonAndCsv()
    {
        RequireDatabase();
        var from = Clock.GetUtcNow();
        var onTime = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "report"));
        var late = await App.Admin.CreateAsync(CaseApi.NewCase(priority: "High", category: "report"));
        Clock.Advance(TimeSpan.FromSeconds(4));
        (await App.Admin.PostAsJsonAsync($"/api/cases/{onTime.Id}/messages", new { kind = "reply", body = "hi" })).EnsureSuccessStatusCode();
        Clock.Advance(TimeSpan.FromSeconds(20));
        (await App.Admin.PostAsJsonAsync($"/api/cases/{late.Id}/messages", new { kind = "reply", body = "sorry" })).EnsureSuccessStatusCode();
        var to = Clock.GetUtcNow().AddSeconds(1);
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var report = (await App.Admin.GetFromJsonAsync<SlaReportDto>($"/api/reports/sla?{range}&groupBy=priority"))!;

        var first = report.Rows.Single(r => r.Group == "High" && r.Metric == "FirstResponse");
        Assert.Equal((2, 2, 1, 1, 50.0), (first.Targets, first.Completed, first.CompletedInTime, first.Breached, first.AttainmentPercent));
        var csv = await App.Admin.GetStringAsync($"/api/reports/sla?{range}&groupBy=priority&format=csv");
        Assert.StartsWith("priority,metric,targets,completed", csv, StringComparison.Ordinal);
        Assert.Contains("High,FirstResponse,2,2,1,1,0,50,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemandReport_CountsPerCategory_AndAnswersCsvForAcceptHeader()
    {
        RequireDatabase();
        var from = Clock.GetUtcNow();
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-a"));
        Clock.Advance(TimeSpan.FromDays(2));
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-a"));
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-b"));
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(Clock.GetUtcNow().AddHours(1).ToString("O"))}";

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/demand?{range}&interval=day");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await App.Admin.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("intervalStart,category,requests", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var json = await App.Admin.GetStringAsync($"/api/reports/demand?{range}&interval=week");
        Assert.Contains("fastestGrowing", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemandReport_ByMonth_BucketsOnTheFirstOfEachCalendarMonth()
    {
        RequireDatabase();
        var first = Clock.GetUtcNow();
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-month"));
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-month"));
        Clock.Advance(TimeSpan.FromDays(40));
        var second = Clock.GetUtcNow();
        await App.Admin.CreateAsync(CaseApi.NewCase(category: "demand-month"));
        var range = $"from={Uri.EscapeDataString(first.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(second.AddHours(1).ToString("O"))}";

        var report = (await App.Admin.GetFromJsonAsync<DemandDto>($"/api/reports/demand?{range}&interval=month"))!;

        static DateTimeOffset MonthOf(DateTimeOffset t) => new(t.UtcDateTime.Year, t.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([(MonthOf(first), 2), (MonthOf(second), 1)],
            report.Requests.Where(b => b.Category == "demand-month").Select(b => (b.Start, b.Requests)));
        Assert.Equal("month", report.Interval);
    }

    private sealed record DemandBucketDto(DateTimeOffset Start, string Category, int Requests);

    private sealed record DemandDto(string Interval, List<DemandBucketDto> Requests);
}

public sealed class SlaReportTestsOnSqlite : SlaReportTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class SlaReportTestsOnPostgreSql : SlaReportTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
