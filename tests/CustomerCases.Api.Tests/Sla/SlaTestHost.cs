using CustomerCases.Api.Sla;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>
/// One database per test class, the shipped workflows (for the sla-escalation workflow) and the test SLA definitions,
/// with a fake clock. Timers are fired by invoking the job, as Hangfire would: no sleeping.
/// </summary>
public abstract class SlaTestHost : IAsyncLifetime
{
    private TestDatabase? _database;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected string Folder { get; } = SlaTestDefinitions.Standard();

    protected CustomerCasesApp App { get; private set; } = null!;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        if (_database is null)
        {
            return;
        }

        App = StartApp();
    }

    protected CustomerCasesApp StartApp()
    {
        var app = new CustomerCasesApp(_database!, new Dictionary<string, string?> { ["Sla:DefinitionsFolder"] = Folder },
            s => s.AddSingleton<TimeProvider>(Clock), shippedWorkflows: true);
        _ = app.Server;
        return app;
    }

    /// <summary>Stops the service and starts a new one on the same database (what a deploy or crash does).</summary>
    protected async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = StartApp();
    }

    protected void RequireDatabase()
    {
        if (_database is null)
        {
            Assert.Skip(TestDatabase.PostgresSkipReason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await App.DisposeAsync();
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the alarm job of one target, as a Hangfire wake-up or the poller would.</summary>
    protected async Task FireAsync(Guid targetId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FireSlaTimerJob>().RunAsync(targetId, CancellationToken.None);
    }

    protected async Task<SlaTargetRecord> TargetAsync(Guid caseId, string metric) =>
        (await TargetsAsync(caseId)).Single(t => t.Metric == metric);

    protected async Task<List<SlaTargetRecord>> TargetsAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        return await db.SlaTargets.AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync();
    }
}
