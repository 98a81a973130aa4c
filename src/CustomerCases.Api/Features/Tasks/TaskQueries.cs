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

    public static Task<Agent?> AgentByKey(CustomerCasesDbContext db, Guid keyId, bool tracked) =>
        tracked ? TrackedAgentByKeyQuery.For(db)(db, keyId) : AgentByKeyQuery.For(db)(db, keyId);

    /// <summary>The task, tracked: the action changes it.</summary>
    public static Task<HumanTask?> TaskById(CustomerCasesDbContext db, Guid id) => TrackedTaskByIdQuery.For(db)(db, id);
}
