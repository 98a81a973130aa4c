using System.Net;
using CustomerCases.Benchmarks.Load;

namespace CustomerCases.Benchmarks.Baselines;

/// <summary>Load targets for the scenario-independent baselines of <see cref="BaselineServer"/>.</summary>
public static class BaselineTargets
{
    /// <summary>
    /// B-json: no work behind HTTP. Its closed-loop rate is the ceiling of this client plus Kestrel on this machine;
    /// a scenario whose maximum approaches it is measuring the load client, not the service.
    /// </summary>
    public static LoadTarget Json(Hosting.IRunningServer baseline)
    {
        var uri = new Uri(baseline.BaseAddress, "/_perf/json");
        return new LoadTarget("B-json GET /_perf/json", HttpStatusCode.OK, _ => new HttpRequestMessage(HttpMethod.Get, uri), baseline.ProcessId);
    }
}
