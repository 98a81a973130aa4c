using System.Globalization;
using BenchmarkDotNet.Running;
using CustomerCases.Benchmarks.Support;

namespace CustomerCases.Benchmarks.Durable;

/// <summary>
/// G4-durable runner, in process: <c>engine-durable-inprocess [BenchmarkDotNet args]</c>. ShortRun in-process with 30
/// warm-up iterations (tiered JIT was still compiling after 10: measured), 10 measured iterations of
/// <see cref="InvocationsPerIteration"/> × <see cref="DurableEngineBenchmarks.OperationsPerInvoke"/> operations per method.
/// Last line: <c>engine-durable-inprocess: jsRatio=&lt;ours ÷ raw insert, throughput&gt; literalRatio=… jsPerSecond=… insertPerSecond=…</c>.
/// (The HTTP variant is scenario <c>engine-durable</c>.)
/// </summary>
internal static class DurableEngineScenario
{
    private const int InvocationsPerIteration = 4;

    public static Task<int> RunAsync(string[] args)
    {
        var summary = BenchmarkRunner.Run<DurableEngineBenchmarks>(InProcessRuns.Config(warmups: 30, InvocationsPerIteration, iterations: 10), args);

        var baseline = InProcessRuns.Find(summary, nameof(DurableEngineBenchmarks.RawInsert))?.MeanNs;
        var javaScript = InProcessRuns.Find(summary, nameof(DurableEngineBenchmarks.DurableJavaScript))?.MeanNs;
        var literal = InProcessRuns.Find(summary, nameof(DurableEngineBenchmarks.DurableLiteral))?.MeanNs;
        if (baseline is null || javaScript is null || literal is null)
        {
            Console.Error.WriteLine("engine-durable-inprocess: a benchmark did not produce results");
            return Task.FromResult(1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine-durable-inprocess: jsRatio={baseline / javaScript:F3} literalRatio={baseline / literal:F3} jsPerSecond={1e9 / javaScript:F0} literalPerSecond={1e9 / literal:F0} insertPerSecond={1e9 / baseline:F0} (goal G4-durable: ratio >= 0.3, target 0.5)"));
        return Task.FromResult(0);
    }
}
