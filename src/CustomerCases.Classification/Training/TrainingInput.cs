namespace CustomerCases.Classification.Training;

/// <summary>ML.NET row type for training: the composed text and one label.</summary>
internal sealed class TrainingInput
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
