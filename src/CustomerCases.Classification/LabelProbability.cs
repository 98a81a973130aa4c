namespace CustomerCases.Classification;

/// <summary>One label and its calibrated probability.</summary>
public readonly record struct LabelProbability(string Label, double Probability);
