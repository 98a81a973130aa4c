using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// POST /elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids (and <c>.../by-definition-id</c>)
/// <c>{definitionIds}</c> — retracts the published version of each, as the single retract: it stops starting new
/// instances, running ones keep going. Answers Elsa's <c>{retracted, alreadyRetracted, notPublished, notFound}</c>
/// (<c>notPublished</c> is Elsa's older name of <c>alreadyRetracted</c>). One transaction.
/// </summary>
internal static class BulkRetract
{
    internal sealed record Request(IReadOnlyList<string?>? DefinitionIds);

    internal sealed record Response(IReadOnlyList<string> Retracted, IReadOnlyList<string> AlreadyRetracted, IReadOnlyList<string> NotPublished, IReadOnlyList<string> NotFound);

    public static async Task<IResult> HandleAsync(Request request, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (BulkIds.Check(request.DefinitionIds, "definitionIds", out var ids) is { } problem)
        {
            return problem;
        }

        List<string> retracted = [], notPublished = [], notFound = [];
        await write.RunAsync(async c =>
        {
            foreach (var id in ids)
            {
                if (await store.RetractAsync(id, c) is not null)
                {
                    retracted.Add(id);
                }
                else if (await store.FindAsync(id, "Latest", c) is null)
                {
                    notFound.Add(id);
                }
                else
                {
                    notPublished.Add(id);
                }
            }

            return true;
        }, ct);

        return Results.Ok(new Response(retracted, notPublished, notPublished, notFound));
    }
}
