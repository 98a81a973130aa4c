using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Bulk;

/// <summary>
/// POST /elsa/api/bulk-actions/publish/workflow-definitions/by-definition-ids (Studio's client; the server's own
/// spelling <c>.../by-definition-id</c> too) <c>{definitionIds}</c> — publishes the latest version of each, exactly as
/// the single publish does: each is validated and only valid ones are published. Answers Elsa's
/// <c>{published, alreadyPublished, notFound, skipped, updatedConsumers}</c>; an invalid definition is listed in
/// <c>skipped</c> and, with the same errors the single publish answers (keyed by activity id), in <c>invalid</c>.
/// One transaction: either every valid one is published or, on a storage failure, none.
/// </summary>
internal static class BulkPublish
{
    internal sealed record Request(IReadOnlyList<string?>? DefinitionIds);

    internal sealed record Invalid(string DefinitionId, int Version, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<object> ValidationErrors);

    internal sealed record Response(
        IReadOnlyList<string> Published, IReadOnlyList<string> AlreadyPublished, IReadOnlyList<string> NotFound,
        IReadOnlyList<string> Skipped, IReadOnlyList<string> UpdatedConsumers, IReadOnlyList<Invalid> Invalid);

    public static async Task<IResult> HandleAsync(Request request, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (BulkIds.Check(request.DefinitionIds, "definitionIds", out var ids) is { } problem)
        {
            return problem;
        }

        List<string> published = [], alreadyPublished = [], notFound = [];
        List<Invalid> invalid = [];
        await write.RunAsync(async c =>
        {
            foreach (var id in ids)
            {
                var latest = await store.FindAsync(id, "Latest", c);
                if (latest is null)
                {
                    notFound.Add(id);
                    continue;
                }

                if (latest.IsPublished)
                {
                    alreadyPublished.Add(id);
                    continue;
                }

                var outcome = (await store.PublishAsync(id, c))!;
                if (outcome.Published)
                {
                    published.Add(id);
                }
                else
                {
                    invalid.Add(new Invalid(id, outcome.Record.Version, ElsaProblems.ErrorsByActivity(outcome.Report), ElsaProblems.ValidationErrors(outcome.Report)));
                }
            }

            return true;
        }, ct);

        return Results.Ok(new Response(published, alreadyPublished, notFound, invalid.Select(i => i.DefinitionId).ToList(), [], invalid));
    }
}
