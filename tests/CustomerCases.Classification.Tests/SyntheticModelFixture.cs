using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Training;

namespace CustomerCases.Classification.Tests;

/// <summary>One small trained model shared by the prediction tests (training once keeps the suite fast on 2 cores).</summary>
public sealed class SyntheticModelFixture
{
    public SyntheticModelFixture()
    {
        Trained = new TriageTrainer(SyntheticRequests.FastOptions).Train(SyntheticRequests.Create(40));
        Model = LoadedModel.FromTrained(Trained);
    }

    public TrainedModel Trained { get; }

    public LoadedModel Model { get; }
}
