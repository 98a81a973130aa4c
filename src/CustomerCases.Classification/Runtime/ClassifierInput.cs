namespace CustomerCases.Classification.Runtime;

/// <summary>ML.NET input row at prediction time: the composed request text, and its sentence vector for refinement models.</summary>
internal sealed class ClassifierInput
{
    public string Text { get; set; } = string.Empty;

    public float[] Embedding { get; set; } = [];
}
