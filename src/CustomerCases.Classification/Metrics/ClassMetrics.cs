namespace CustomerCases.Classification.Metrics;

/// <summary>Precision, recall and F1 of one class; Support = number of true rows of that class.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
