using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Instances;

/// <summary>
/// What Studio's instance viewer polls besides the instance: GET .../{id}/execution-state (<c>{status,
/// workflowSubStatus, updatedAt}</c>) and GET .../{id}/variables (<c>{items: [{id, name, value}]}</c>; ids from the
/// pinned definition version, the name when the version no longer declares it).
/// </summary>
internal static class GetInstanceDetails
{
    internal sealed record ResolvedVariable(string Id, string Name, System.Text.Json.Nodes.JsonNode? Value);

    public static async Task<IResult> ExecutionStateAsync(string id, CustomerCasesDbContext db, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return instance is null
            ? ElsaProblems.InstanceNotFound(id)
            : Results.Ok(new { status = instance.Status, workflowSubStatus = instance.SubStatus, updatedAt = instance.UpdatedAt });
    }

    public static async Task<IResult> VariablesAsync(string id, CustomerCasesDbContext db, WorkflowDefinitionStore definitions, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null)
        {
            return ElsaProblems.InstanceNotFound(id);
        }

        var version = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == instance.DefinitionVersionId, ct);
        var ids = version is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : definitions.Parse(version).AllVariables().GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var state = WorkflowStateSerializer.Deserialize(instance.StateJson);
        var items = state.Variables.Select(v => new ResolvedVariable(ids.GetValueOrDefault(v.Key, v.Key), v.Key, v.Value?.DeepClone())).ToList();
        return Results.Ok(new ItemList<ResolvedVariable>(items));
    }
}
