namespace CustomerCases.Classification.Training;

/// <summary>ML.NET row type for training: the composed text, one label, and the text's sentence vector when an embedder is used.</summary>
internal sealed class TrainingInput
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public float[] Embedding { get; set; } = [];
}
