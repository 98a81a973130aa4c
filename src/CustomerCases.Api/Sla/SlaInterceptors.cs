using System.Data.Common;
using System.Runtime.CompilerServices;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Keeps SLA targets in step with every case change, whoever makes it (intake, PATCH, messages, workflow activities,
/// timers, future use cases): before a save that adds history entries, the touched cases are recomputed in the same
/// unit of work, so targets and timer rows commit atomically with the change. Wake-ups are scheduled after the commit.
/// </summary>
internal sealed class SlaSaveChangesInterceptor(SlaRecalculator recalculator, SlaTimerScheduler scheduler, SlaOptions options)
    : SaveChangesInterceptor, IDerivedChanges
{
    // A case recomputed ahead of its save (see StageAsync), with its history count then: the save skips it unless
    // more history was added since. Weak: the entities go with their unit of work.
    private readonly ConditionalWeakTable<Case, StrongBox<int>> _staged = new();

    /// <summary>Recomputes the touched cases now, so that the save (maybe under the write gate) does not have to.</summary>
    public async Task StageAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        if (options.Enabled)
        {
            await RecalculateTouchedCasesAsync(db, ct, staging: true);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (options.Enabled && eventData.Context is CustomerCasesDbContext db)
        {
            await RecalculateTouchedCasesAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (options.Enabled && eventData.Context is CustomerCasesDbContext db)
        {
            RecalculateTouchedCasesAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FlushIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushIfNoTransaction(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            scheduler.Discard(db);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private async Task RecalculateTouchedCasesAsync(CustomerCasesDbContext db, CancellationToken ct, bool staging = false)
    {
        foreach (var c in TouchedCases(db))
        {
            if (_staged.TryGetValue(c, out var historyCount) && historyCount.Value == c.History.Count)
            {
                continue;
            }

            scheduler.AddPending(db, await recalculator.RecalculateAsync(db, c, ct));
            if (staging)
            {
                _staged.AddOrUpdate(c, new StrongBox<int>(c.History.Count));
            }
        }
    }

    /// <summary>
    /// New cases, and cases with history entries this unit of work adds. Found without a DetectChanges pass (it scans
    /// every tracked entity; SaveChanges makes its own right after this interceptor): entries added through the
    /// aggregate's history list are not tracked yet, so such a case holds more entries than the tracker knows of.
    /// </summary>
    private static List<Case> TouchedCases(CustomerCasesDbContext db) => db.WithoutDetectChanges(() =>
    {
        var tracker = db.ChangeTracker;
        var trackedHistory = new Dictionary<Guid, int>();
        var staged = new HashSet<Guid>();
        foreach (var entry in tracker.Entries<CaseHistoryEntry>())
        {
            var caseId = entry.Entity.CaseId;
            trackedHistory[caseId] = trackedHistory.GetValueOrDefault(caseId) + 1;
            if (entry.State == EntityState.Added)
            {
                staged.Add(caseId);
            }
        }

        var touched = new List<Case>();
        foreach (var entry in tracker.Entries<Case>())
        {
            var c = entry.Entity;
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Added || staged.Contains(c.Id) || c.History.Count > trackedHistory.GetValueOrDefault(c.Id))
            {
                touched.Add(c);
            }
        }

        return touched;
    });

    private void FlushIfNoTransaction(DbContext? db)
    {
        if (db is not null && db.Database.CurrentTransaction is null)
        {
            scheduler.Flush(db);
        }
    }
}

/// <summary>Schedules the held wake-ups once the transaction that wrote their rows has committed; drops them on rollback.</summary>
internal sealed class SlaTransactionInterceptor(SlaTimerScheduler scheduler) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        scheduler.Flush(transaction);
        if (eventData.Context is { } db)
        {
            scheduler.Flush(db); // alarms computed ahead of the transaction (IDerivedChanges)
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        scheduler.Discard(transaction);
        if (eventData.Context is { } db)
        {
            scheduler.Discard(db);
        }
    }
}
