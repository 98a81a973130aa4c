using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Machine;

namespace CustomerCases.Benchmarks.Intake;

/// <summary>
/// One A/B repetition: both sides at maximum throughput (closed loop), then both at the same constant rate
/// (open loop, half the service's maximum). Service fields are null in --baseline-only runs.
/// </summary>
public sealed record IntakeRepetition(
    int Number,
    string Order,
    MachinePressure PressureBefore,
    LoadResult? ServiceMax,
    LoadResult BaselineMax,
    double HalfLoadRatePerSecond,
    LoadResult? ServiceHalfLoad,
    LoadResult BaselineHalfLoad)
{
    /// <summary>A phase with no success or more than 1 % errors: the repetition measured a fault, not a speed, and is left out of the summaries.</summary>
    public bool Failed => new[] { ServiceMax, BaselineMax, ServiceHalfLoad, BaselineHalfLoad }
        .OfType<LoadResult>().Any(p => p.Succeeded == 0 || p.Errors > 0.01 * (p.Succeeded + p.Errors));

    /// <summary>G1 paired ratio: service cases/s ÷ B-insert inserts/s in this repetition.</summary>
    public double ThroughputRatio => ServiceMax is null ? double.NaN : ServiceMax.ThroughputPerSecond / BaselineMax.ThroughputPerSecond;

    /// <summary>G2 paired ratio: service p99 ÷ B-insert p99 at the same rate.</summary>
    public double P99Ratio => ServiceHalfLoad is null ? double.NaN : ServiceHalfLoad.P99Ms / BaselineHalfLoad.P99Ms;
}
