using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CustomerCases.Benchmarks.Support;

/// <summary>
/// How the BenchmarkDotNet scenarios run: ShortRun, in process (no generated project to rebuild; the host's Server GC
/// applies), a fixed invocation count and no unrolling, so each method's figure covers the same amount of work.
/// </summary>
internal static class InProcessRuns
{
    public static IConfig Config(int warmups, int invocationsPerIteration, int? iterations = null)
    {
        var job = Job.ShortRun
            .WithWarmupCount(warmups)
            .WithInvocationCount(invocationsPerIteration)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortRun-InProcess");
        if (iterations is { } count)
        {
            job = job.WithIterationCount(count);
        }

        return DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }

    /// <summary>A method's mean time per operation (ns) and bytes allocated per operation, or null when it produced no result.</summary>
    public static (double MeanNs, long Bytes)? Find(Summary summary, string method)
    {
        var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        if (report?.ResultStatistics is null) return null;
        return (report.ResultStatistics.Mean, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0);
    }
}
