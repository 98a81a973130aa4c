using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// The lookups every task action runs, compiled once (as <see cref="Workflows.WorkflowQueries"/>): building and
/// translating the LINQ expression on each call cost more than the indexed lookup itself.
/// </summary>
internal static class TaskQueries
{
    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, Task<Agent?>>> TrackedAgentByKeyQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid keyId) => db.Agents.SingleOrDefault(a => a.ApiKeyId == keyId)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, Task<Agent?>>> AgentByKeyQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid keyId) => db.Agents.AsNoTracking().SingleOrDefault(a => a.ApiKeyId == keyId)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, Task<HumanTask?>>> TrackedTaskByIdQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid id) => db.HumanTasks.SingleOrDefault(t => t.Id == id)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, List<string>, IAsyncEnumerable<HumanTask>>> OpenTasksOfBookmarksQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, List<string> bookmarkIds) => db.HumanTasks
            .Where(t => bookmarkIds.Contains(t.BookmarkId) && (t.Status == HumanTaskStatus.Queued || t.Status == HumanTaskStatus.Assigned))));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, IAsyncEnumerable<Agent>>> AllAgentsQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db) => db.Agents));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, List<string>, List<string>, IAsyncEnumerable<HumanTask>>> RoutableQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, List<string> pushed, List<string> pulled) => db.HumanTasks
            .Where(t => t.Status == HumanTaskStatus.Queued && (pushed.Contains(t.Queue) || (pulled.Contains(t.Queue) && t.RequestedAssignee != null)))));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, List<string>, Task<bool>>> AnyRoutableQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, List<string> pushed) => db.HumanTasks
            .Any(t => t.Status == HumanTaskStatus.Queued && (pushed.Contains(t.Queue) || t.RequestedAssignee != null))));

    /// <summary>Whether a queued task waits in one of these (push) queues or asks for a particular agent.</summary>
    public static Task<bool> AnyRoutable(CustomerCasesDbContext db, List<string> pushedQueues) => AnyRoutableQuery.For(db)(db, pushedQueues);

    /// <summary>The open tasks waiting on these bookmarks, tracked (they are cancelled when the bookmarks burn).</summary>
    public static IAsyncEnumerable<HumanTask> OpenTasksOfBookmarks(CustomerCasesDbContext db, List<string> bookmarkIds) =>
        OpenTasksOfBookmarksQuery.For(db)(db, bookmarkIds);

    /// <summary>Every agent, tracked: a routing pass records assignments on them.</summary>
    public static IAsyncEnumerable<Agent> AllAgents(CustomerCasesDbContext db) => AllAgentsQuery.For(db)(db);

    /// <summary>Queued tasks of push queues, and of pull queues when they ask for a particular agent (tracked: routing assigns them).</summary>
    public static IAsyncEnumerable<HumanTask> Routable(CustomerCasesDbContext db, List<string> pushedQueues, List<string> pulledQueues) =>
        RoutableQuery.For(db)(db, pushedQueues, pulledQueues);

    public static Task<Agent?> AgentByKey(CustomerCasesDbContext db, Guid keyId, bool tracked) =>
        tracked ? TrackedAgentByKeyQuery.For(db)(db, keyId) : AgentByKeyQuery.For(db)(db, keyId);

    /// <summary>The task, tracked: the action changes it.</summary>
    public static Task<HumanTask?> TaskById(CustomerCasesDbContext db, Guid id) => TrackedTaskByIdQuery.For(db)(db, id);
}
