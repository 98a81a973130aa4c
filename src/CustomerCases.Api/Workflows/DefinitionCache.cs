using System.Collections.Concurrent;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Api.Workflows;

/// <summary>Parsed definitions by version id. A version's JSON never changes once published, so entries never go stale;
/// drafts are re-read when their content hash changes.</summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(string VersionId, string Hash), WorkflowDefinition> _parsed = new();

    public WorkflowDefinition Get(string versionId, string contentHash, string json) =>
        _parsed.GetOrAdd((versionId, contentHash), _ => WorkflowDefinitionReader.Read(json));

    public WorkflowDefinition? Find(string versionId, string contentHash) =>
        _parsed.TryGetValue((versionId, contentHash), out var parsed) ? parsed : null;
}
