using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.DependencyInjection;

/// <summary>Configuration of the classifier (section <see cref="SectionName"/>).</summary>
public sealed class ClassificationOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "CustomerCases:Classification";

    /// <summary>Thresholds per label set (e.g. "category", "priority"); absent label sets use the model manifest's advice.</summary>
    public Dictionary<string, DecisionThresholds> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Trainers tried by retraining; empty = all. Restrict for faster production retraining.</summary>
    public List<TriageTrainerKind> Candidates { get; set; } = [];

    /// <summary>Promotion tolerance: a retrained model may score this much lower (macro-F1) than the active one and still replace it.</summary>
    public double RetrainTolerance { get; set; } = 0.01;

    /// <summary>Thread cap for retraining so intake keeps its cores (performance goal G8).</summary>
    public int RetrainMaxThreads { get; set; } = 1;

    /// <summary>Wall-time budget of model selection per label set during retraining (5 minutes is the goal for 10k rows).</summary>
    public TimeSpan RetrainSelectionBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Throws when a threshold pair is invalid or the tolerance is negative: checked at start, not at the first intake.</summary>
    public void Validate()
    {
        foreach (var thresholds in Thresholds.Values)
        {
            thresholds.Validate();
        }

        if (RetrainTolerance < 0 || double.IsNaN(RetrainTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(RetrainTolerance), $"the retraining tolerance must be ≥ 0 (is {RetrainTolerance})");
        }
    }

    /// <summary>Training options derived from these settings.</summary>
    public TrainingOptions ToTrainingOptions() => new()
    {
        Candidates = Candidates.Count == 0 ? TrainingOptions.AllCandidates : Candidates.ToArray(),
        MaxThreads = RetrainMaxThreads,
        SelectionBudget = RetrainSelectionBudget,
    };
}
