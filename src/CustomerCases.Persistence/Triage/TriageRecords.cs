namespace CustomerCases.Persistence.Triage;

/// <summary>A trained model version: the package bytes live in the database so every node loads the same model.</summary>
public sealed class TriageModelRecord
{
    public string VersionId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string Source { get; set; } = "";

    public int Rows { get; set; }

    /// <summary>The training report (candidates, winner and why, per-class metrics, confusion matrices) as JSON.</summary>
    public string ReportJson { get; set; } = "";

    public byte[] Package { get; set; } = [];

    public bool IsActive { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }
}

/// <summary>What the model said about a case at intake, and what was done with it.</summary>
public sealed class CaseTriageRecord
{
    public Guid CaseId { get; set; }

    public string? ModelVersion { get; set; }

    public string? Category { get; set; }

    public double CategoryConfidence { get; set; }

    public string CategoryDecision { get; set; } = "";

    public string CategoryTopJson { get; set; } = "[]";

    public string? Priority { get; set; }

    public double PriorityConfidence { get; set; }

    public string PriorityDecision { get; set; } = "";

    public string PriorityTopJson { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A label given by a person (a correction or a confirmation), kept with the text it labels: training data.</summary>
public sealed class TriageLabelRecord
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public string Text { get; set; } = "";

    public string? Category { get; set; }

    public string? Priority { get; set; }

    public string LabelledBy { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One retraining: the candidate, both scores on the same evaluation set, and the promotion decision.</summary>
public sealed class TriageTrainingRunRecord
{
    public Guid Id { get; set; }

    public string Trigger { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? CandidateVersion { get; set; }

    public bool Promoted { get; set; }

    public string? DecisionJson { get; set; }

    public string? Error { get; set; }

    /// <summary>For a training from an uploaded file: the CSV, kept with the run (what the model was trained on).</summary>
    public string? DatasetCsv { get; set; }

    public string? LabelColumns { get; set; }
}

/// <summary>
/// The second stage of a case's triage (the embedding refinement), written in the intake transaction so a crash between
/// commit and refinement loses nothing: a background worker processes rows whose <see cref="CompletedAt"/> is null.
/// <see cref="CompletedAt"/> − <see cref="EnqueuedAt"/> is the time to final triage.
/// </summary>
public sealed class TriageRefinementRecord
{
    public Guid CaseId { get; set; }

    /// <summary>The model version that triaged at intake (and owns the refinement).</summary>
    public string ModelVersion { get; set; } = "";

    /// <summary>Whether the customer left the category / priority to triage (explicit values are never refined).</summary>
    public bool RefineCategory { get; set; }

    public bool RefinePriority { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Attempts { get; set; }

    public string? Category { get; set; }

    public double? CategoryConfidence { get; set; }

    public string? CategoryDecision { get; set; }

    public string? Priority { get; set; }

    public double? PriorityConfidence { get; set; }

    public string? PriorityDecision { get; set; }

    /// <summary>What was done: applied, unchanged, skipped (and why), failed.</summary>
    public string? Outcome { get; set; }
}
