using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST /elsa/api/workflow-definitions/{definitionId}/publish — validates the latest version and publishes it (the
/// previous published version is retracted, triggers re-indexed); 400 with every error otherwise. Answers Elsa's
/// <c>{workflowDefinition, alreadyPublished, consumingWorkflowCount}</c>.
/// POST .../retract — the published version stops starting and running new instances; running ones keep going.
/// </summary>
internal static class PublishDefinition
{
    public static async Task<IResult> PublishAsync(string definitionId, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var alreadyPublished = false;
        var outcome = await write.RunAsync(async c =>
        {
            alreadyPublished = (await store.FindAsync(definitionId, "Latest", c))?.IsPublished == true;
            return await store.PublishAsync(definitionId, c);
        }, ct);
        if (outcome is null)
        {
            return ElsaProblems.DefinitionNotFound(definitionId);
        }

        return outcome.Published
            ? StoredJson.Saved(outcome.Record.Json, alreadyPublished)
            : ElsaProblems.Invalid(definitionId, outcome.Record.Version, outcome.Report);
    }

    public static async Task<IResult> RetractAsync(string definitionId, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var retracted = await write.RunAsync(c => store.RetractAsync(definitionId, c), ct);
        if (retracted is not null)
        {
            return StoredJson.Ok(retracted.Json);
        }

        return await store.FindAsync(definitionId, "Latest", ct) is null
            ? ElsaProblems.DefinitionNotFound(definitionId)
            : ApiProblems.Conflict("not_published", "Not published", $"Workflow definition '{definitionId}' has no published version to retract.");
    }
}
