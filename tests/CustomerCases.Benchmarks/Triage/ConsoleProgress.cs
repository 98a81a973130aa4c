using System.Globalization;
using CustomerCases.Classification.Metrics;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>Prints each candidate as soon as it is evaluated (synchronously, unlike Progress&lt;T&gt;).</summary>
internal sealed class ConsoleProgress : IProgress<CandidateResult>
{
    public void Report(CandidateResult value) =>
        Console.WriteLine(value.Skipped is null
            ? string.Create(CultureInfo.InvariantCulture, $"  candidate {value.Candidate}: val accuracy {value.Accuracy:F4}, macro-F1 {value.MacroF1:F4}, {value.TrainSeconds:F1} s")
            : $"  candidate {value.Candidate}: {value.Skipped}");
}
