using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>GET /elsa/api/workflow-instances/{id} — Elsa's WorkflowInstance with its state (bookmarks, incidents, variables, output).</summary>
internal static class GetInstance
{
    public static async Task<IResult> HandleAsync(string id, CustomerCasesDbContext db, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return instance is null ? ElsaProblems.InstanceNotFound(id) : Results.Json(WorkflowStateView.Instance(instance));
    }
}
