namespace CustomerCases.Classification.Runtime;

/// <summary>ML.NET output row: one score per label, in the model's label order.</summary>
internal sealed class ClassifierOutput
{
    public float[] Score { get; set; } = [];
}
