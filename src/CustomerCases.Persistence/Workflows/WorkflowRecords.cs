namespace CustomerCases.Persistence.Workflows;

/// <summary>One version of a workflow definition (Elsa's model: draft / published / latest), stored as its JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    public string Json { get; set; } = "";

    /// <summary>SHA-256 of the semantic content, so re-importing an unchanged file creates no version.</summary>
    public string ContentHash { get; set; } = "";

    public string Source { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A running or finished instance, pinned to one definition version; the engine's state is one JSON column.</summary>
public sealed class WorkflowInstanceRecord
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public string DefinitionVersionId { get; set; } = "";

    public int Version { get; set; }

    public string Status { get; set; } = "";

    public string SubStatus { get; set; } = "";

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public string? ParentInstanceId { get; set; }

    public int IncidentCount { get; set; }

    public string StateJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency: two resumes of one instance cannot both commit.</summary>
    public int Revision { get; set; }
}

/// <summary>A suspended activity waiting for a stimulus, found by <see cref="Hash"/>.</summary>
public sealed class BookmarkRecord
{
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Hash { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string ActivityInstanceId { get; set; } = "";

    public string? CorrelationId { get; set; }

    public string? PayloadJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A trigger of a published definition version: a stimulus with this hash starts a new instance.</summary>
public sealed class WorkflowTriggerRecord
{
    public long Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public string DefinitionVersionId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public string Name { get; set; } = "";

    public string Hash { get; set; } = "";

    public string? PayloadJson { get; set; }
}

/// <summary>
/// A timer as a row: written in the same transaction as its bookmark, fired at most once (the firing claims the row),
/// and never lost on restart because Hangfire's wake-up jobs are rebuilt from these rows at start.
/// </summary>
public sealed class WorkflowTimerRecord
{
    public Guid Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string BookmarkId { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FiredAt { get; set; }
}

/// <summary>
/// The journal of one execution of an instance (Elsa's WorkflowExecutionLogRecords of that run) as one row: a run that
/// passes ten activities writes one row, not twenty, which is most of what a commit costs on a single-writer database.
/// The entries are JSON (<see cref="JournalBatchCodec"/>); readers expand them (<see cref="WorkflowJournal"/>).
/// </summary>
public sealed class WorkflowJournalBatchRecord
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    /// <summary>How many entries <see cref="EntriesJson"/> holds.</summary>
    public int EntryCount { get; set; }

    public string EntriesJson { get; set; } = "[]";
}

/// <summary>
/// A stimulus that found no bookmark yet (it may have arrived before the bookmark was committed). Delivered when a
/// matching bookmark appears, until it expires.
/// </summary>
public sealed class QueuedStimulusRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Hash { get; set; } = "";

    public string? CorrelationId { get; set; }

    public string? InstanceId { get; set; }

    public string? InputJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
