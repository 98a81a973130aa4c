using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence.Workflows;

/// <summary>Reads an instance's journal: every batch expanded, in execution order (the instance's journal sequence).</summary>
public static class WorkflowJournal
{
    public static async Task<List<StoredJournalEntry>> ReadAsync(CustomerCasesDbContext db, string instanceId, CancellationToken ct = default)
    {
        var batches = await db.WorkflowJournalBatches.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.Id).ToListAsync(ct);
        return batches.SelectMany(JournalBatchCodec.Decode).OrderBy(e => e.Sequence).ToList(); // OrderBy is stable: ties keep commit order
    }
}
