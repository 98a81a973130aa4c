using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>A named stimulus with payload; <see cref="Hash"/> matches bookmarks and triggers made for it.</summary>
public sealed record Stimulus(string Name, JsonObject? Payload)
{
    /// <summary>The hash that bookmarks and triggers for this stimulus carry.</summary>
    public string Hash => BookmarkHasher.Compute(Name, Payload);
}
