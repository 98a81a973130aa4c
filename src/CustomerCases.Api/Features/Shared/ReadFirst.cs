using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCases.Api.Features.Shared;

/// <summary>
/// The step at which a read-first unit of work (task completion, event trigger; see <see cref="Tasks.TaskWork"/>) takes the
/// single-writer gate: what its save would derive (SLA targets) is staged first, outside the gate; then the gate and
/// the transaction, and a look at whether stimuli or bookmarks it matched moved meanwhile.
/// </summary>
internal static class ReadFirst
{
    /// <summary>The gate and the transaction, both the caller's to dispose; throws <see cref="ReadFirstAttemptOutdated"/> (holding neither) when the attempt must be redone.</summary>
    public static async Task<(IDisposable Writer, IDbContextTransaction Transaction)> EnterGateAsync(
        CustomerCasesDbContext db, WriteGate gate, WorkflowRuntime runtime, IEnumerable<IDerivedChanges> derived, CancellationToken ct)
    {
        foreach (var changes in derived)
        {
            await changes.StageAsync(db, ct);
        }

        var writer = await gate.EnterAsync(ct);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
            if (await runtime.StimulusMatchingOutdatedAsync(ct))
            {
                throw new ReadFirstAttemptOutdated();
            }

            return (writer, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            writer.Dispose();
            throw;
        }
    }
}

/// <summary>What an attempt that read before taking the gate learned under it: the stimuli or bookmarks it matched have moved.</summary>
internal sealed class ReadFirstAttemptOutdated : Exception
{
    public ReadFirstAttemptOutdated()
        : base("Stimuli or bookmarks this unit of work matched moved before it took the write gate; redone under the gate.")
    {
    }
}
