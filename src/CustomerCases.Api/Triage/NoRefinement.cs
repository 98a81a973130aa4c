using CustomerCases.Classification;

namespace CustomerCases.Api.Triage;

/// <summary>The refiner of the stub classifier (performance goal G7's baseline): never refines.</summary>
internal sealed class NoRefinement : ICaseRefiner
{
    public static readonly NoRefinement Instance = new();

    public bool CanRefine => false;

    public IReadOnlyList<CaseClassification> Refine(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => [];
}
