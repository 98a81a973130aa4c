using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// GET /elsa/api/workflow-definitions/by-definition-id/{definitionId} (also /{definitionId}) with versionOptions
/// (default Latest, as the designer opens the draft), and GET .../by-id/{versionId}: the full stored model.
/// </summary>
internal static class GetDefinition
{
    public static async Task<IResult> ByDefinitionIdAsync(string definitionId, CustomerCasesDbContext db, CancellationToken ct, string? versionOptions = null)
    {
        var options = VersionOptions.Parse(versionOptions, "Latest");
        if (options is null)
        {
            return ElsaProblems.BadRequest("versionOptions", $"'{versionOptions}' is not one of {VersionOptions.Accepted}.");
        }

        var record = await options.NewestAsync(db, definitionId, ct);
        return record is null ? ElsaProblems.DefinitionNotFound(definitionId, options.Text) : StoredJson.Ok(record.Json);
    }

    public static async Task<IResult> ByVersionIdAsync(string versionId, CustomerCasesDbContext db, CancellationToken ct)
    {
        var record = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == versionId, ct);
        return record is null
            ? Results.Problem(statusCode: 404, title: "Workflow definition version not found", detail: $"No workflow definition version has the id '{versionId}'.")
            : StoredJson.Ok(record.Json);
    }
}
