namespace CustomerCases.Classification.Training;

/// <summary>One training example: a text and one label per label column (empty string = not labelled for that column).</summary>
public sealed record LabelledRow(string Text, IReadOnlyList<string> Labels);
