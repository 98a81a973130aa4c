namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// Trains a triage model (and scores it against the active one) away from intake's way: in a child process at the
/// lowest priority (<see cref="ChildProcessTrainingRunner"/>, default) or on a low-priority thread of this process
/// (<see cref="InProcessTrainingRunner"/>, <c>Triage:TrainInChildProcess=false</c>). The caller decides what to keep.
/// </summary>
internal interface ITriageTrainingRunner
{
    Task<TriageTrainingOutcome> TrainAsync(TriageTrainingRequest request, CancellationToken ct);
}
