using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// POST /elsa/api/workflow-definitions/{definitionId}/revert/{version} — Elsa's rollback: the old version's content
/// becomes the latest draft (a new version when the latest is published); nothing is published, no instance moves.
/// </summary>
internal static class RevertDefinition
{
    public static async Task<IResult> HandleAsync(string definitionId, int version, [AsParameters] WorkflowWrite write, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var old = await write.Db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, ct);
        if (old is null)
        {
            return ElsaProblems.DefinitionNotFound(definitionId, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var outcome = await write.RunAsync(c => store.SaveAsync(old.Json, $"revert:v{version}", publish: false, c), ct);
        return StoredJson.Ok(outcome.Record.Json);
    }
}
