namespace CustomerCases.Workflows.Activities;

/// <summary>
/// An activity implementation for one Elsa type name. Activities are stateless singletons: they read their inputs from
/// the context, complete with outcomes (ports) or suspend on bookmarks, and never know the graph.
/// </summary>
internal interface IActivity
{
    /// <summary>The Elsa type name, e.g. <c>Elsa.WriteLine</c>.</summary>
    string Type { get; }

    /// <summary>Inputs that must be present in the definition (checked by the validator).</summary>
    IReadOnlyList<string> RequiredInputs => [];

    /// <summary>Runs the activity.</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues after one of this activity's bookmarks was resumed. Completes with <c>Done</c> by default.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
