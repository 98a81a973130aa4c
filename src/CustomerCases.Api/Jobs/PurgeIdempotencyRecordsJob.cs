using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Jobs;

/// <summary>Idempotency answers only need to outlive a client's retry window; older ones are removed.</summary>
internal sealed class PurgeIdempotencyRecordsJob(CustomerCasesDbContext db, JobsOptions options, TimeProvider time)
{
    public const string Id = "purge-idempotency-records";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.IdempotencyRetention;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
