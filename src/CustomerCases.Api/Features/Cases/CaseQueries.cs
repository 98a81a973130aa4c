using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>The case lookup of every task completion and case activity, compiled once (see Workflows.WorkflowQueries).</summary>
internal static class CaseQueries
{
    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, Task<Case?>>> TrackedByIdQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid id) => db.Cases.SingleOrDefault(c => c.Id == id)));

    /// <summary>The case, tracked: the caller changes it.</summary>
    public static Task<Case?> TrackedById(CustomerCasesDbContext db, Guid id) => TrackedByIdQuery.For(db)(db, id);
}
