using System.Diagnostics.Metrics;

namespace CustomerCases.Api.Jobs;

/// <summary>
/// How punctual timers are: for every fired timer, the time from its due time to the commit of its effect, in seconds
/// (negative would be early, which the jobs' re-check rules out). Read by the <c>sla-precision</c> benchmark and by any
/// metrics exporter.
/// </summary>
internal sealed class TimerMetrics
{
    public const string MeterName = "CustomerCases.Timers";
    public const string LatenessInstrument = "customercases.timers.lateness";

    private readonly Histogram<double> _lateness;

    public TimerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lateness = meter.CreateHistogram<double>(LatenessInstrument, "s", "Time from a timer's due time to the commit of its firing");
    }

    public void Fired(string kind, DateTimeOffset dueAt, DateTimeOffset committedAt) =>
        _lateness.Record((committedAt - dueAt).TotalSeconds, new KeyValuePair<string, object?>("timer.kind", kind));
}
