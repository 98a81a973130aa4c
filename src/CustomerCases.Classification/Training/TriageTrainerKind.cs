namespace CustomerCases.Classification.Training;

/// <summary>The ML.NET trainers the model selection can try (triage.md §3 gives their measured accuracy and cost).</summary>
public enum TriageTrainerKind
{
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression); one candidate per L2 value in the grid.</summary>
    LbfgsMaximumEntropy,

    /// <summary>One-versus-all averaged perceptron, Platt-calibrated per class and normalised.</summary>
    OneVersusAllAveragedPerceptron,

    /// <summary>One-versus-all linear SVM (λ = 1e-4, 20 iterations), Platt-calibrated per class and normalised.</summary>
    OneVersusAllLinearSvm,

    /// <summary>SDCA maximum entropy with small L2 (1e-5); the default L2 loses ~2.5 points on BANKING77.</summary>
    SdcaMaximumEntropy,

    /// <summary>LightGBM multiclass on frequent word n-grams.</summary>
    LightGbm,

    /// <summary>One-versus-all FastTree (gradient-boosted trees) on frequent word n-grams.</summary>
    FastTree,

    /// <summary>One-versus-all FastForest (random forest) on frequent word n-grams.</summary>
    FastForest,
}
