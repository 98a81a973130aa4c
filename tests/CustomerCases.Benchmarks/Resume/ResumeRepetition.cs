using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Resume;

/// <summary>One A/B repetition of a resume scenario: both sides closed loop (maximum), then both open loop at the same rate.</summary>
public sealed record ResumeRepetition(
    int Number, string Order, MachinePressure Pressure, LoadResult ServiceMax, LoadResult BaselineMax, LoadResult ServiceOpen, LoadResult BaselineOpen)
{
    public bool Failed => ScenarioRun.Failed(ServiceMax, BaselineMax, ServiceOpen, BaselineOpen);

    /// <summary>G3: resume throughput ÷ B-insert throughput, both closed loop, same connections.</summary>
    public double ThroughputRatio => ServiceMax.ThroughputPerSecond / BaselineMax.ThroughputPerSecond;

    /// <summary>G3: resume p99 ÷ B-insert p99 at the same open-loop rate.</summary>
    public double P99Ratio => ServiceOpen.P99Ms / BaselineOpen.P99Ms;

    public IReadOnlyDictionary<string, object?> Row() => new Dictionary<string, object?>
    {
        ["rep"] = Number,
        ["order"] = Order,
        ["load1"] = Pressure.Load1,
        ["cpu psi"] = Pressure.CpuSomeAvg10,
        ["io psi"] = Pressure.IoSomeAvg10,
        ["disturbed"] = Pressure.Disturbed,
        ["failed"] = Failed,
        ["resume max/s"] = ServiceMax.ThroughputPerSecond,
        ["B-insert max/s"] = BaselineMax.ThroughputPerSecond,
        ["ratio"] = ThroughputRatio,
        ["rate/s"] = ServiceOpen.TargetRatePerSecond,
        ["resume p50/p99 ms"] = ScenarioRun.Ms(ServiceOpen),
        ["B-insert p50/p99 ms"] = ScenarioRun.Ms(BaselineOpen),
        ["p99 ratio"] = P99Ratio,
        ["resume CPU ms/req (max)"] = ServiceMax.ServerCpuMsPerRequest,
        ["errors"] = ScenarioRun.Errors(ServiceMax, BaselineMax, ServiceOpen, BaselineOpen),
    };
}
