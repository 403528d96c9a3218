using System.Diagnostics.Metrics;
using Backend.Core.Jobs;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Core.Telemetry;

/// <summary>
/// Depth, age of the oldest message and dead letters of each PostgreSQL queue (SelfHost; in Azure, Service Bus
/// publishes depth and dead letters itself, and the OCR app the age, <c>ServiceBusQueueAgeProbe</c>). Read from
/// <c>job_queue</c> when a reader collects, at most once every <see cref="MaxStaleness"/>, so a scrape every few
/// seconds costs one small query.
/// </summary>
public sealed class JobQueueMetrics
{
    public static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(5);

    /// <summary>The age of a queue's oldest message, in seconds, tagged <c>queue</c>: SelfHost's here, the OCR app's from Service Bus.</summary>
    public const string OldestAgeInstrument = "easyfacture.queue.oldest_age";
    public const string OldestAgeDescription = "Age of the oldest message in the queue; 0 when empty.";

    private static readonly string[] Queues = [QueueNames.OcrJobs, QueueNames.AiAnalysis];

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<JobQueueMetrics> _logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<QueueSnapshot> _snapshot = [];
    private long _takenAt = long.MinValue;

    public JobQueueMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, TimeProvider time, ILogger<JobQueueMetrics> logger)
    {
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
        var meter = meters.Create(TelemetryNames.Meter);
        meter.CreateObservableGauge("easyfacture.queue.depth", () => Measure(s => s.Depth), "{message}",
            "Messages in the queue, visible or not (leased, scheduled for a retry).");
        meter.CreateObservableGauge(OldestAgeInstrument, () => Measure(s => s.OldestAgeSeconds), "s", OldestAgeDescription);
        meter.CreateObservableGauge("easyfacture.queue.dead_letters", () => Measure(s => s.DeadLetters), "{message}",
            "Messages set aside in job_dead_letters.");
    }

    private IEnumerable<Measurement<double>> Measure(Func<QueueSnapshot, double> value) =>
        Snapshot().Select(s => new Measurement<double>(value(s), new KeyValuePair<string, object?>("queue", s.Queue)));

    private IReadOnlyList<QueueSnapshot> Snapshot()
    {
        lock (_gate)
        {
            if (_takenAt != long.MinValue && _time.GetElapsedTime(_takenAt) < MaxStaleness)
            {
                return _snapshot;
            }
            try
            {
                // Collection is synchronous; the query is a count over an index, bounded by a short timeout.
                using var connection = _dataSource.OpenConnection();
                _snapshot = connection.Query<QueueSnapshot>(new CommandDefinition("""
                    SELECT q.queue AS Queue,
                           count(j.id)::float8 AS Depth,
                           COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(j.enqueued_at)), 0)::float8 AS OldestAgeSeconds,
                           (SELECT count(*) FROM job_dead_letters d WHERE d.queue = q.queue)::float8 AS DeadLetters
                      FROM unnest(@queues::text[]) AS q(queue)
                      LEFT JOIN job_queue j ON j.queue = q.queue
                     GROUP BY q.queue
                    """, new { queues = Queues }, commandTimeout: 5)).ToList();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A database that is down must not break the scrape of every other metric.
                _logger.LogWarning("Queue metrics unavailable ({ExceptionType})", e.GetType().Name);
                _snapshot = [];
            }
            _takenAt = _time.GetTimestamp();
            return _snapshot;
        }
    }

    private sealed record QueueSnapshot(string Queue, double Depth, double OldestAgeSeconds, double DeadLetters);
}
