using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CustomerCases.Benchmarks.Engine;

/// <summary>
/// G4 runner: <c>engine [BenchmarkDotNet args]</c>. ShortRun (1 launch, 3 measured iterations) with 15 warm-up
/// iterations instead of 3 — for every method alike: the first batches of a method run while tiered JIT is still
/// compiling (measured ~285 µs per workflow before settling at 25–40 µs), and 3 warm-ups left that in the figure — and a fixed
/// invocation count of <see cref="InvocationsPerIteration"/> × <see cref="EngineBenchmarks.WorkflowsPerInvoke"/> workflows,
/// in-process (no generated project to rebuild; the host's Server GC applies). Last line:
/// <c>engine: ratio=&lt;ours/theirs throughput&gt; allocRatio=&lt;ours/theirs bytes&gt;</c> for the JavaScript variant.
/// </summary>
internal static class EngineScenario
{
    private const int InvocationsPerIteration = 16;

    public static Task<int> RunAsync(string[] args)
    {
        var job = Job.ShortRun
            .WithWarmupCount(15)
            .WithInvocationCount(InvocationsPerIteration)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortRun-InProcess");
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<EngineBenchmarks>(config, args);

        var baseline = Find(summary, nameof(EngineBenchmarks.WorkflowCore));
        var literal = Find(summary, nameof(EngineBenchmarks.OursLiteral));
        var javaScript = Find(summary, nameof(EngineBenchmarks.OursJavaScript));
        if (baseline is null || literal is null || javaScript is null)
        {
            Console.Error.WriteLine("engine: a benchmark did not produce results");
            return Task.FromResult(1);
        }

        Console.WriteLine(Line("engine (literal)", literal.Value, baseline.Value));
        Console.WriteLine(Line("engine", javaScript.Value, baseline.Value));
        return Task.FromResult(0);
    }

    private static (double MeanNs, long Bytes)? Find(Summary summary, string method)
    {
        var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        if (report?.ResultStatistics is null) return null;
        return (report.ResultStatistics.Mean, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0);
    }

    private static string Line(string label, (double MeanNs, long Bytes) ours, (double MeanNs, long Bytes) theirs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{label}: ratio={theirs.MeanNs / ours.MeanNs:F2} allocRatio={(double)ours.Bytes / theirs.Bytes:F3}");
}
