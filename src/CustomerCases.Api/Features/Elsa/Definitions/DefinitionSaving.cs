using System.Text.Json;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>
/// Save and import share this: the store stages the version (draft, new version over a published one, or nothing
/// when the content is unchanged), the transaction commits — also when publishing failed validation, so the draft is
/// kept — and the answer is the saved model (Studio's save: Elsa's <c>{workflowDefinition, alreadyPublished,
/// consumingWorkflowCount}</c>), or a 400 listing every validation error by activity id.
/// </summary>
internal static class DefinitionSaving
{
    public static async Task<IResult> SaveAsync(WorkflowWrite write, WorkflowDefinitionStore store, string json, string source, bool publish, CancellationToken ct,
        bool wrapped = false)
    {
        SaveOutcome outcome;
        var wasPublished = false;
        try
        {
            outcome = await write.RunAsync(async c =>
            {
                var definitionId = DefinitionContent.Parse(json)["definitionId"]?.GetValue<string>();
                wasPublished = definitionId is not null && (await store.FindAsync(definitionId, "Latest", c))?.IsPublished == true;
                return await store.SaveAsync(json, source, publish, c);
            }, ct);
        }
        catch (JsonException e)
        {
            return ElsaProblems.Unreadable($"The body is not valid JSON: {e.Message}");
        }
        catch (WorkflowDefinitionFormatException e)
        {
            return ElsaProblems.Unreadable(e.Message);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ApiProblems.Conflict("concurrent_save", "Saved concurrently",
                "Another save of this workflow definition created the same version at the same time. Read it again and retry.");
        }

        var record = outcome.Record;
        if (publish && !outcome.Published)
        {
            return ElsaProblems.Invalid(record.DefinitionId, record.Version, outcome.Report);
        }

        var status = outcome.Created && record.Version == 1 ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return wrapped ? StoredJson.Saved(record.Json, alreadyPublished: publish && !outcome.Created && wasPublished && outcome.Record.IsLatest, status) : StoredJson.Ok(record.Json, status);
    }
}
