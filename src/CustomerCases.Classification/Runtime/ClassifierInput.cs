namespace CustomerCases.Classification.Runtime;

/// <summary>ML.NET input row at prediction time: the composed request text.</summary>
internal sealed class ClassifierInput
{
    public string Text { get; set; } = string.Empty;
}
