namespace CustomerCases.Classification;

/// <summary>What the intake should do with a predicted label.</summary>
public enum TriageDecision
{
    /// <summary>Confident enough to write the label without an agent looking at it.</summary>
    AutoApply,

    /// <summary>Show the label (and the top 3) to an agent as a suggestion.</summary>
    Suggest,

    /// <summary>Not confident (or no model): an agent must choose.</summary>
    NeedsHuman,
}
