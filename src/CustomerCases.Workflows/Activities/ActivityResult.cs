namespace CustomerCases.Workflows.Activities;

/// <summary>What an activity did: completed with outcomes, suspended on bookmarks, or ended its flowchart/workflow.</summary>
internal sealed record ActivityResult(ActivityResultKind Kind, IReadOnlyList<string> Outcomes)
{
    /// <summary>The usual outbound port.</summary>
    public const string DoneOutcome = "Done";

    public static ActivityResult Done { get; } = new(ActivityResultKind.Completed, [DoneOutcome]);

    public static ActivityResult Suspended { get; } = new(ActivityResultKind.Suspended, []);

    public static ActivityResult FinishWorkflow { get; } = new(ActivityResultKind.FinishWorkflow, []);

    public static ActivityResult Completed(params string[] outcomes) => new(ActivityResultKind.Completed, outcomes);

    public static ActivityResult CompleteFlowchart(params string[] outcomes) =>
        new(ActivityResultKind.CompleteFlowchart, outcomes.Length == 0 ? [DoneOutcome] : outcomes);
}
