using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// A suspended activity waiting for a stimulus (Elsa's model). The host stores one row per bookmark and resumes by
/// <see cref="Id"/> or by <see cref="Hash"/> (see <see cref="BookmarkHasher"/>).
/// </summary>
public sealed record Bookmark
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Stimulus name, e.g. <c>Elsa.Event</c>.</summary>
    public required string Name { get; init; }

    /// <summary>SHA-256 of name, canonical payload and (optionally) activity instance id.</summary>
    public required string Hash { get; init; }

    /// <summary>The stimulus payload the bookmark waits for, e.g. <c>{"eventName": "Approved"}</c>.</summary>
    public JsonObject? Payload { get; init; }

    /// <summary>Id of the waiting activity.</summary>
    public required string ActivityId { get; init; }

    /// <summary>Node id (path) of the waiting activity.</summary>
    public string? ActivityNodeId { get; init; }

    /// <summary>Instance id of the waiting activity.</summary>
    public required string ActivityInstanceId { get; init; }

    /// <summary>The flowchart instance the activity runs in.</summary>
    public required string ScopeId { get; init; }

    /// <summary>When the bookmark was made (from the engine's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>For timer bookmarks: when the host must resume it.</summary>
    public DateTimeOffset? ResumeAt { get; init; }
}
