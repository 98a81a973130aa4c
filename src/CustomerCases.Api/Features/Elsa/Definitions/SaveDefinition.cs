using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST /elsa/api/workflow-definitions <c>{model, publish}</c> — Studio's Save and Publish buttons. A new definition
/// answers 201; saving over the published version makes the next version a draft; publish validates first. The answer
/// is Elsa's <c>{workflowDefinition, alreadyPublished, consumingWorkflowCount}</c> (Studio reopens what it gets).
/// </summary>
internal static class SaveDefinition
{
    internal sealed record Request(JsonObject? Model, bool? Publish);

    public static async Task<IResult> HandleAsync(Request request, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (request.Model is null)
        {
            return ElsaProblems.BadRequest("model", "is required: the workflow definition model (Elsa 3 JSON).");
        }

        request.Model.Remove("links"); // what the designer may do is ours to answer, not part of the workflow
        return await DefinitionSaving.SaveAsync(write, store, request.Model.ToJsonString(), "api", request.Publish ?? false, ct, wrapped: true);
    }
}
