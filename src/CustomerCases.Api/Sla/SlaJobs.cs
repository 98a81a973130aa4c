using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// After a policy or calendar changed: every case that is not closed, plus closed ones with open targets, is
/// recomputed from its history (repair), in batches, each batch one transaction.
/// </summary>
internal sealed class SlaRecomputeJob(IServiceScopeFactory scopes)
{
    private const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            var openTargets = db.SlaTargets.Where(t => t.Stage == "InProgress" || t.Stage == "Paused").Select(t => t.CaseId);
            ids = await db.Cases.Where(c => c.Status != CaseStatus.Closed || openTargets.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        }

        foreach (var batch in ids.Chunk(BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            var recalculator = scope.ServiceProvider.GetRequiredService<SlaRecalculator>();
            var scheduler = scope.ServiceProvider.GetRequiredService<SlaTimerScheduler>();
            using var writer = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(ct);
            foreach (var c in await db.Cases.Where(c => batch.Contains(c.Id)).ToListAsync(ct))
            {
                scheduler.AddPending(db, await recalculator.RecalculateAsync(db, c, ct));
            }

            await db.SaveChangesAsync(ct);
        }

        return ids.Count;
    }
}
