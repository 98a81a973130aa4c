using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// The queries every case intake and every resume runs, compiled once: translating a LINQ query costs more than
/// executing these indexed lookups (EF's parameter extraction was a seventh of intake CPU).
/// </summary>
internal static class WorkflowQueries
{
    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, IAsyncEnumerable<WorkflowTriggerRecord>>> TriggersByHashQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string hash) => db.WorkflowTriggers.AsNoTracking().Where(t => t.Hash == hash)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, DateTimeOffset, string?, string, Task<QueuedStimulusRecord?>>> OldestQueuedStimulusQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string hash, DateTimeOffset now, string? correlationId, string instanceId) => db.StimulusQueue
            .Where(q => q.Hash == hash && q.DeliveredAt == null && q.ExpiresAt > now
                && (q.CorrelationId == null || q.CorrelationId == correlationId)
                && (q.InstanceId == null || q.InstanceId == instanceId))
            .OrderBy(q => q.CreatedAt)
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, Task<BookmarkRecord?>>> BookmarkByIdQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string id) => db.Bookmarks.SingleOrDefault(b => b.Id == id)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, Task<WorkflowInstanceRecord?>>> InstanceByIdQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string id) => db.WorkflowInstances.SingleOrDefault(i => i.Id == id)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, IAsyncEnumerable<WorkflowTimerRecord>>> UnfiredTimersOfQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string bookmarkId) => db.WorkflowTimers.Where(t => t.BookmarkId == bookmarkId && t.FiredAt == null)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, string?, string?, IAsyncEnumerable<BookmarkRecord>>> BookmarksMatchingQuery = new(() => EF.CompileAsyncQuery<CustomerCasesDbContext, string, string?, string?, BookmarkRecord>(
        (CustomerCasesDbContext db, string hash, string? correlationId, string? instanceId) => db.Bookmarks
            .Where(b => b.Hash == hash && (correlationId == null || b.CorrelationId == correlationId) && (instanceId == null || b.InstanceId == instanceId))
            .OrderBy(b => b.CreatedAt)));

    /// <summary>The bookmarks a stimulus resumes (optionally only one correlation id's or one instance's), oldest first, tracked.</summary>
    public static IAsyncEnumerable<BookmarkRecord> BookmarksMatching(CustomerCasesDbContext db, string hash, string? correlationId, string? instanceId) =>
        BookmarksMatchingQuery.For(db)(db, hash, correlationId, instanceId);

    /// <summary>The bookmark, tracked (a resume deletes it).</summary>
    public static Task<BookmarkRecord?> BookmarkById(CustomerCasesDbContext db, string id) => BookmarkByIdQuery.For(db)(db, id);

    /// <summary>The instance, tracked (a run updates it).</summary>
    public static Task<WorkflowInstanceRecord?> InstanceById(CustomerCasesDbContext db, string id) => InstanceByIdQuery.For(db)(db, id);

    /// <summary>The timers still pending on a bookmark, tracked (burning the bookmark cancels them).</summary>
    public static IAsyncEnumerable<WorkflowTimerRecord> UnfiredTimersOf(CustomerCasesDbContext db, string bookmarkId) => UnfiredTimersOfQuery.For(db)(db, bookmarkId);

    public static IAsyncEnumerable<WorkflowTriggerRecord> TriggersByHash(CustomerCasesDbContext db, string hash) => TriggersByHashQuery.For(db)(db, hash);

    /// <summary>The oldest undelivered, unexpired stimulus a new bookmark of this instance can take (tracked: it is marked delivered).</summary>
    public static Task<QueuedStimulusRecord?> OldestQueuedStimulus(CustomerCasesDbContext db, string hash, DateTimeOffset now, string? correlationId, string instanceId) =>
        OldestQueuedStimulusQuery.For(db)(db, hash, now, correlationId, instanceId);
}
