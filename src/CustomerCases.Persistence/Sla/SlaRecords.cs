namespace CustomerCases.Persistence.Sla;

/// <summary>
/// One version of an SLA calendar or policy definition (JSON as written). Versions are never edited: a change adds the
/// next version, and targets record which version they were computed with.
/// </summary>
public sealed class SlaDefinitionRecord
{
    /// <summary><c>calendar</c> or <c>policy</c>.</summary>
    public string Kind { get; set; } = "";

    public string Id { get; set; } = "";

    public int Version { get; set; }

    public string Json { get; set; } = "";

    /// <summary>Where it came from: <c>file:workflows/sla/…</c> or <c>api:&lt;caller&gt;</c>.</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public const string CalendarKind = "calendar";
    public const string PolicyKind = "policy";
}

/// <summary>
/// The persisted snapshot of one SLA target (case × metric × cycle), rewritten whenever the case changes. It exists for
/// queries (breaches, at-risk, reports); the truth is recomputable from the case history at any time.
/// </summary>
public sealed class SlaTargetRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string Metric { get; set; } = "";

    /// <summary>0 for first response and resolution; 1, 2, … for next-reply exchanges.</summary>
    public int Cycle { get; set; }

    public string Stage { get; set; } = "";

    public string PolicyId { get; set; } = "";

    public int PolicyVersion { get; set; }

    public string CalendarId { get; set; } = "";

    public int CalendarVersion { get; set; }

    public DateTimeOffset StartAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The due time when the target was first attached (before pauses and policy changes); kept on recompute.</summary>
    public DateTimeOffset OriginalDueAt { get; set; }

    public double TargetBusinessSeconds { get; set; }

    public double PausedBusinessSeconds { get; set; }

    public double PausedWallSeconds { get; set; }

    public double BusinessElapsedSeconds { get; set; }

    public double WallElapsedSeconds { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool Breached { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The target's alarm: the next warning or breach instant still to fire, null while the target is not running
    /// (paused, completed, cancelled) or has nothing left to fire. Only the next instant is stored: the one after it is
    /// written when this one fires, so a new case costs no timer rows beside its targets. The row is the truth; Hangfire
    /// and the poller only wake it.
    /// </summary>
    public DateTimeOffset? AlarmAt { get; set; }

    /// <summary>The fraction of the target <see cref="AlarmAt"/> stands for (a warning threshold, or 1 for the breach).</summary>
    public double? AlarmFraction { get; set; }

    /// <summary>
    /// The highest fraction fired so far (0: none; 1: the breach). Thresholds fire in ascending order, each once: an
    /// alarm is claimed by a conditional update that raises this value, so of two nodes or two wake-ups only one fires it.
    /// </summary>
    public double FiredFraction { get; set; }

    /// <summary>When the last alarm fired (for lateness figures and support).</summary>
    public DateTimeOffset? LastFiredAt { get; set; }
}

/// <summary>
/// From <see cref="From"/> on, a case's SLA business time is counted in this calendar version. Written only when the
/// calendar of a case changes (another policy applies, or its calendar was edited); the first row of a case then
/// records the calendar it had before, from its creation. No row: one calendar all along.
/// </summary>
public sealed class SlaCalendarPeriodRecord
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset From { get; set; }

    public string CalendarId { get; set; } = "";

    public int CalendarVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
