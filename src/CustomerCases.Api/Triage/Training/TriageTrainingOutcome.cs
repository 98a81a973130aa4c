using CustomerCases.Classification.Models;

namespace CustomerCases.Api.Triage.Training;

/// <summary>The trained candidate as a stored package, and its scores when the request asked for them.</summary>
/// <param name="Package">The candidate's <c>.ccmodel</c> bytes, as stored in the database.</param>
/// <param name="Manifest">The package's manifest (version id, training report).</param>
/// <param name="Scores">Per label set, macro-F1 of the candidate and of the active model on the evaluation rows.</param>
/// <param name="Worker">Where the work ran (process id and nice values), for diagnostics and tests.</param>
internal sealed record TriageTrainingOutcome(byte[] Package, ModelManifest Manifest, IReadOnlyDictionary<string, EvaluationScores> Scores, WorkerReport Worker);

/// <summary>Macro-F1 of both models on the same held-back rows; <see cref="Active"/> is NaN without an active model for the label set.</summary>
internal sealed record EvaluationScores(double Candidate, double Active);

/// <summary>The process the training ran in and its scheduling priority (nice values are Linux-only: null elsewhere).</summary>
internal sealed record WorkerReport(int ProcessId, int? WorkThreadNice, int? PoolThreadNice)
{
    /// <summary>This process, seen from the thread doing the work (and from a thread-pool thread, which ML.NET also uses).</summary>
    public static WorkerReport Current() =>
        new(Environment.ProcessId, LowPriorityWork.CurrentNice(), Task.Run(LowPriorityWork.CurrentNice).GetAwaiter().GetResult());
}
