using System.Globalization;
using BenchmarkDotNet.Running;
using CustomerCases.Benchmarks.Support;

namespace CustomerCases.Benchmarks.Engine;

/// <summary>
/// G4 runner: <c>engine [BenchmarkDotNet args]</c>. ShortRun with 15 warm-up iterations instead of 3 — for every method
/// alike: the first batches of a method run while tiered JIT is still compiling (measured ~285 µs per workflow before
/// settling at 25–40 µs), and 3 warm-ups left that in the figure — and 15 measured iterations instead of 3: ours runs an
/// iteration in ~15 ms, so whether a Server GC fell into one of only three decided the mean (the JavaScript ratio read
/// 7.8–11.3× in three runs of one build; 12.4–12.7× with 15, at a tenth of the deviation). A fixed invocation count of
/// <see cref="InvocationsPerIteration"/> × <see cref="EngineBenchmarks.WorkflowsPerInvoke"/> workflows, not more:
/// WorkflowCore's in-memory store slows as an iteration's instances accumulate (64 invocations: 470 µs per workflow
/// instead of 105). In-process (no generated project to rebuild; the host's Server GC applies). Last line:
/// <c>engine: ratio=&lt;ours/theirs throughput&gt; allocRatio=&lt;ours/theirs bytes&gt;</c> for the JavaScript variant.
/// </summary>
internal static class EngineScenario
{
    private const int InvocationsPerIteration = 16;

    public static Task<int> RunAsync(string[] args)
    {
        var summary = BenchmarkRunner.Run<EngineBenchmarks>(InProcessRuns.Config(warmups: 15, InvocationsPerIteration, iterations: 15), args);

        var baseline = InProcessRuns.Find(summary, nameof(EngineBenchmarks.WorkflowCore));
        var literal = InProcessRuns.Find(summary, nameof(EngineBenchmarks.OursLiteral));
        var javaScript = InProcessRuns.Find(summary, nameof(EngineBenchmarks.OursJavaScript));
        if (baseline is null || literal is null || javaScript is null)
        {
            Console.Error.WriteLine("engine: a benchmark did not produce results");
            return Task.FromResult(1);
        }

        Console.WriteLine(Line("engine (literal)", literal.Value, baseline.Value));
        Console.WriteLine(Line("engine", javaScript.Value, baseline.Value));
        return Task.FromResult(0);
    }

    private static string Line(string label, (double MeanNs, long Bytes) ours, (double MeanNs, long Bytes) theirs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{label}: ratio={theirs.MeanNs / ours.MeanNs:F2} allocRatio={(double)ours.Bytes / theirs.Bytes:F3}");
}
