using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>GET /elsa/api/workflow-instances (filter in the query) and POST (filter in the body, as Studio does): paged summaries.</summary>
internal static class ListInstances
{
    internal sealed record Summary(
        string Id, string DefinitionId, string DefinitionVersionId, int Version, string Status, string SubStatus, string? CorrelationId,
        string? Name, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset LastExecutedAt, DateTimeOffset? FinishedAt)
    {
        public static Summary From(WorkflowInstanceRecord i) =>
            new(i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status, i.SubStatus, i.CorrelationId, i.Name, i.IncidentCount,
                i.CreatedAt, i.UpdatedAt, i.UpdatedAt, i.FinishedAt);
    }

    public static Task<IResult> FromQueryAsync([AsParameters] InstanceFilter filter, CustomerCasesDbContext db, CancellationToken ct) => ListAsync(filter, db, ct);

    public static Task<IResult> FromBodyAsync(InstanceFilter? filter, CustomerCasesDbContext db, CancellationToken ct) => ListAsync(filter ?? new InstanceFilter(), db, ct);

    private static async Task<IResult> ListAsync(InstanceFilter filter, CustomerCasesDbContext db, CancellationToken ct)
    {
        var paging = new Paging(filter.Page, filter.PageSize);
        if (paging.Error is { } pageError)
        {
            return ElsaProblems.BadRequest("page", pageError);
        }

        var (query, field, error) = filter.Apply(db.WorkflowInstances.AsNoTracking());
        if (query is null)
        {
            return ElsaProblems.BadRequest(field!, error!);
        }

        var total = await query.CountAsync(ct);
        var items = await paging.Apply(query).ToListAsync(ct);
        return Results.Ok(new PagedList<Summary>(items.Select(Summary.From).ToList(), total));
    }
}
