using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST /elsa/api/workflow-definitions <c>{model, publish}</c> — Studio's Save and Publish buttons. A new definition
/// answers 201; saving over the published version makes the next version a draft; publish validates first.
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

        return await DefinitionSaving.SaveAsync(write, store, request.Model.ToJsonString(), "api", request.Publish ?? false, ct);
    }
}
