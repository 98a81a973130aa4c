using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>An event published by <c>Elsa.PublishEvent</c>; the host delivers it after commit (local: same instance only).</summary>
public sealed record PublishedEvent(string EventName, string? CorrelationId, JsonNode? Payload, bool IsLocal, string SourceInstanceId);
