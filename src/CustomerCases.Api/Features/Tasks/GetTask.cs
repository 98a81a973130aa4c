using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>GET /api/tasks/{id} — the task with a summary of its case.</summary>
internal static class GetTask
{
    public static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, CustomerCasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = await TaskCaller.ResolveAsync(user, db, ct);
        if (!caller.CanWork)
        {
            return TaskWork.NotAnAgent();
        }

        var task = await db.HumanTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !caller.CanSee(task))
        {
            return ApiProblems.NotFound("Task", id);
        }

        CaseSummary? summary = null;
        if (task.CaseId is { } caseId)
        {
            var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Join(db.Customers, c => c.CustomerId, cu => cu.Id, (c, cu) => new { Case = c, Customer = cu })
                .SingleOrDefaultAsync(ct);
            summary = found is null ? null : CaseSummary.From(found.Case, found.Customer);
        }

        return Results.Ok(TaskResponse.From(task, summary, time.GetUtcNow()));
    }
}
