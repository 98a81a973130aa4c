using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

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
        var job = Job.ShortRun
            .WithWarmupCount(30)
            .WithIterationCount(10)
            .WithInvocationCount(InvocationsPerIteration)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortRun-InProcess");
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<DurableEngineBenchmarks>(config, args);

        var baseline = MeanNs(summary, nameof(DurableEngineBenchmarks.RawInsert));
        var javaScript = MeanNs(summary, nameof(DurableEngineBenchmarks.DurableJavaScript));
        var literal = MeanNs(summary, nameof(DurableEngineBenchmarks.DurableLiteral));
        if (baseline is null || javaScript is null || literal is null)
        {
            Console.Error.WriteLine("engine-durable-inprocess: a benchmark did not produce results");
            return Task.FromResult(1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine-durable-inprocess: jsRatio={baseline / javaScript:F3} literalRatio={baseline / literal:F3} jsPerSecond={1e9 / javaScript:F0} literalPerSecond={1e9 / literal:F0} insertPerSecond={1e9 / baseline:F0} (goal G4-durable: ratio >= 0.3, target 0.5)"));
        return Task.FromResult(0);
    }

    private static double? MeanNs(Summary summary, string method) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean;
}
