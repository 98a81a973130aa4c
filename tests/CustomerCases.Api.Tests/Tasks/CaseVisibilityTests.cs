using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>Agents read the cases of their queues only (by the case's queue or a task of it); managers read all.</summary>
public abstract class CaseVisibilityTests(ProviderFixture fixture) : TaskTestBed(fixture)
{
    [Fact]
    public async Task Agent_SeesCasesWithATaskInHisQueues_OnlyThose()
    {
        var mine = await CreateQueueAsync("Pull");
        var other = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [mine]);
        var (visible, _) = await OpenTaskCaseAsync(mine);
        var (hidden, _) = await OpenTaskCaseAsync(other);

        var listed = (await annClient.GetFromJsonAsync<CasePageDto>("/api/cases?pageSize=200"))!;

        Assert.Contains(listed.Items, c => c.Id == visible.Id);
        Assert.DoesNotContain(listed.Items, c => c.Id == hidden.Id);
        Assert.Equal(HttpStatusCode.OK, (await annClient.GetAsync($"/api/cases/{visible.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annClient.GetAsync($"/api/cases/{hidden.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/cases/{hidden.Id}")).StatusCode);
    }

    [Fact]
    public async Task Agent_SeesCasesWhoseQueueIsHis()
    {
        var mine = await CreateQueueAsync("Pull");
        var (_, annClient) = await CreateAgentAsync("ann", [mine]);
        var @case = await Admin.CreateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await annClient.GetAsync($"/api/cases/{@case.Id}")).StatusCode);

        await Admin.PatchJsonAsync($"/api/cases/{@case.Id}", new { queue = mine.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, (await annClient.GetAsync($"/api/cases/{@case.Id}")).StatusCode);
    }
}

public sealed class CaseVisibilityTestsOnSqlite(SqliteFixture fixture) : CaseVisibilityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseVisibilityTestsOnPostgreSql(PostgreSqlFixture fixture) : CaseVisibilityTests(fixture), IClassFixture<PostgreSqlFixture>;
