namespace CustomerCases.Classification.Metrics;

/// <summary>Evaluation of one model on one labelled set. Serialisable (System.Text.Json).</summary>
/// <param name="Rows">Number of evaluated rows.</param>
/// <param name="Accuracy">Share of rows whose top label is right.</param>
/// <param name="MacroF1">Unweighted mean of per-class F1 (classes with support or predictions).</param>
/// <param name="LogLoss">Mean −ln(probability of the true label), lower is better; tells how usable the probabilities are.</param>
/// <param name="PerClass">Per-class precision / recall / F1.</param>
/// <param name="Labels">Row and column labels of <paramref name="ConfusionMatrix"/>.</param>
/// <param name="ConfusionMatrix">[actual][predicted] counts in <paramref name="Labels"/> order.</param>
public sealed record ModelMetrics(
    int Rows,
    double Accuracy,
    double MacroF1,
    double LogLoss,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<string> Labels,
    int[][] ConfusionMatrix);
