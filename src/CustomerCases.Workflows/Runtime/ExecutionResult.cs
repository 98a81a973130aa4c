using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// Everything one execution produced. The host commits it in one transaction: the instance row with
/// <see cref="State"/>, insert <see cref="NewBookmarks"/> and <see cref="TimerRequests"/>, delete
/// <see cref="BurnedBookmarks"/>, append <see cref="Journal"/>; then carry out <see cref="Effects"/>.
/// </summary>
public sealed record ExecutionResult
{
    /// <summary>The state after the execution.</summary>
    public required WorkflowState State { get; init; }

    /// <summary>Bookmarks created by this execution and still open.</summary>
    public IReadOnlyList<Bookmark> NewBookmarks { get; init; } = [];

    /// <summary>Bookmarks that existed before and are gone now (resumed, cancelled, cleared).</summary>
    public IReadOnlyList<Bookmark> BurnedBookmarks { get; init; } = [];

    /// <summary>Wake-ups for the new timer bookmarks.</summary>
    public IReadOnlyList<TimerRequest> TimerRequests { get; init; } = [];

    /// <summary>Journal entries of this execution, in order.</summary>
    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];

    /// <summary>Incidents recorded by this execution.</summary>
    public IReadOnlyList<ActivityIncident> Incidents { get; init; } = [];

    /// <summary>Effects for the host.</summary>
    public WorkflowEffects Effects { get; init; } = WorkflowEffects.None;

    /// <summary>Workflow output after this execution.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Output => State.Output;

    /// <summary>True when a resume found no matching bookmark (nothing ran; the host may queue the stimulus).</summary>
    public bool BookmarkNotFound { get; init; }

    /// <summary>True when the trigger's condition rejected the start (nothing ran; the host must not persist anything).</summary>
    public bool TriggerDeclined { get; init; }
}
