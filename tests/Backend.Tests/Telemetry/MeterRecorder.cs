using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Backend.Core.Telemetry;

namespace Backend.Tests.Telemetry;

/// <summary>
/// Adds up what one host's business instruments record. Only meters made by that host's <see cref="IMeterFactory"/>
/// are heard, so tests running in parallel on other hosts cannot move these figures.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new(StringComparer.Ordinal);

    public MeterRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == TelemetryNames.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags include every one of <paramref name="tags"/> (<c>key=value</c>).</summary>
    public double Total(string instrument, params string[] tags) =>
        _totals.Where(pair => pair.Key.Split('|')[0] == instrument && tags.All(tag => pair.Key.Split('|').Skip(1).Contains(tag)))
            .Sum(pair => pair.Value);

    /// <summary>How many measurements a histogram took (its <c>_count</c>).</summary>
    public double Count(string instrument, params string[] tags) => Total(instrument + "#count", tags);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = string.Join('|', new[] { instrument.Name }.Concat(Tags(tags)));
        _totals.AddOrUpdate(key, value, (_, total) => total + value);
        if (instrument is Histogram<double>)
        {
            var countKey = string.Join('|', new[] { instrument.Name + "#count" }.Concat(Tags(tags)));
            _totals.AddOrUpdate(countKey, 1, (_, total) => total + 1);
        }
    }

    private static IEnumerable<string> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var list = new List<string>();
        foreach (var tag in tags)
        {
            list.Add($"{tag.Key}={Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant()}");
        }
        return list;
    }

    public void Dispose() => _listener.Dispose();
}
