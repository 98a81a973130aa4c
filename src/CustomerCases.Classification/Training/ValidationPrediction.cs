namespace CustomerCases.Classification.Training;

/// <summary>One validation row as the winning candidate (fit on the training part) saw it; used to choose thresholds.</summary>
public readonly record struct ValidationPrediction(string Actual, string Predicted, double Probability);
