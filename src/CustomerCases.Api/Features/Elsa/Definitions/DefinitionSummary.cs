using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence.Workflows;

namespace CustomerCases.Api.Features.Elsa.Definitions;

/// <summary>Elsa's <c>WorkflowDefinitionSummary</c> (one version), as the definition list and version list show it.</summary>
internal sealed record DefinitionSummary(
    string Id,
    string DefinitionId,
    string? Name,
    string? Description,
    int Version,
    string? ToolVersion,
    bool IsLatest,
    bool IsPublished,
    bool IsReadonly,
    bool IsSystem,
    string ProviderName,
    string MaterializerName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Source)
{
    /// <summary>What the designer may do with it (Studio greys out publish and delete without these).</summary>
    public JsonArray Links => DefinitionLinks.ForDefinition(DefinitionId);

    public static DefinitionSummary From(WorkflowDefinitionRecord d) =>
        new(d.Id, d.DefinitionId, d.Name, d.Description, d.Version, null, d.IsLatest, d.IsPublished, IsReadonly: false, IsSystem: false,
            ProviderName: "Default", MaterializerName: "Json", d.CreatedAt, d.UpdatedAt, d.Source);
}
