using System.Diagnostics.Metrics;
using CustomerCases.Api.Jobs;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>Collects the service's <c>customercases.timers.lateness</c> measurements (due time → commit of the firing) for one timer kind.</summary>
internal sealed class TimerLatenessListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _latenessMs = [];

    public TimerLatenessListener(string kind)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TimerMetrics.MeterName && instrument.Name == TimerMetrics.LatenessInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "timer.kind" && Equals(tag.Value, kind))
                {
                    lock (_latenessMs)
                    {
                        _latenessMs.Add(seconds * 1000);
                    }
                }
            }
        });
        _listener.Start();
    }

    public List<double> Take()
    {
        lock (_latenessMs)
        {
            var taken = _latenessMs.ToList();
            _latenessMs.Clear();
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
