using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>A trigger the host indexes on publish: when a stimulus with <see cref="Hash"/> arrives, start the definition at <see cref="ActivityId"/>.</summary>
public sealed record WorkflowTrigger(string DefinitionId, string DefinitionVersionId, string ActivityId, string ActivityType, string Name, JsonObject? Payload, string Hash);
