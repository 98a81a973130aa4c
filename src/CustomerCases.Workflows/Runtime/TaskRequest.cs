using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>A task requested by <c>Elsa.RunTask</c>; completing it resumes <see cref="BookmarkId"/> with <c>{result}</c>.</summary>
public sealed record TaskRequest(string TaskId, string TaskName, JsonNode? Payload, string InstanceId, string BookmarkId);
