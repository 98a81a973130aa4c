using CustomerCases.Api.Features.Tasks;
using CustomerCases.Persistence;
using Hangfire;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// Routes waiting tasks every minute: what no event routes by itself — a skills timeout running out — and a safety net
/// for anything an event missed (a task created by a timer run, a node that died after a commit).
/// </summary>
internal sealed class RouteWaitingTasksJob(CustomerCasesDbContext db, WriteGate gate, TaskRouting routing)
{
    public const string Id = "route-waiting-tasks";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var assigned = await routing.RouteWaitingAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return assigned;
    }
}

internal static class RouteWaitingTasksJobSchedule
{
    public static WebApplication ScheduleTaskRouting(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RouteWaitingTasksJob>(RouteWaitingTasksJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return OverdueTaskScheduler.ScheduleOverdueTaskSweep(app);
    }
}
