using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>Resumes an instance: by bookmark id, or by stimulus (every bookmark of the instance with its hash).</summary>
public sealed record ResumeRequest(string? BookmarkId = null, Stimulus? Stimulus = null, JsonObject? Input = null)
{
    /// <summary>Resume one bookmark by id.</summary>
    public static ResumeRequest ById(string bookmarkId, JsonObject? input = null) => new(bookmarkId, null, input);

    /// <summary>Resume the bookmarks matching a stimulus.</summary>
    public static ResumeRequest ByStimulus(Stimulus stimulus, JsonObject? input = null) => new(null, stimulus, input);
}
