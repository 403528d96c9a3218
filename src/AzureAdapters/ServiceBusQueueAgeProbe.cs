using System.Diagnostics.Metrics;
using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Backend.Functions.Azure;

/// <summary>
/// Publishes <see cref="JobQueueMetrics.OldestAgeInstrument"/> for each Service Bus queue, the instrument SelfHost
/// publishes for its PostgreSQL queues, so one alert and one dashboard query read both. Run by a timer (the OCR app's
/// <c>QueueAgeProbe</c>, one instance at a time): peeking is a network call that an exporter's synchronous collection
/// callback must not make, and one reading per minute from one instance is one series per queue, not one per instance.
/// </summary>
public sealed class ServiceBusQueueAgeProbe
{
    /// <summary>Messages peeked per call.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// Pages read before giving up on finding a waiting message behind scheduled ones (retries in their backoff are
    /// peeked too, in sequence order): past <c>PageSize × MaxPages</c> scheduled messages the queue reads as 0 s old.
    /// </summary>
    public const int MaxPages = 5;

    private static readonly string[] Queues = [QueueNames.OcrJobs, QueueNames.AiAnalysis];

    private readonly ServiceBusClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceBusQueueAgeProbe> _logger;
    private readonly Gauge<double> _oldestAge;

    public ServiceBusQueueAgeProbe(ServiceBusClient client, IMeterFactory meters, TimeProvider time, ILogger<ServiceBusQueueAgeProbe> logger)
    {
        _client = client;
        _time = time;
        _logger = logger;
        _oldestAge = meters.Create(TelemetryNames.Meter)
            .CreateGauge<double>(JobQueueMetrics.OldestAgeInstrument, "s", JobQueueMetrics.OldestAgeDescription);
    }

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in Queues)
        {
            try
            {
                var age = await OldestAgeAsync(queue, cancellationToken);
                _oldestAge.Record(age.TotalSeconds, new KeyValuePair<string, object?>("queue", queue));
            }
            catch (ServiceBusException e)
            {
                // No reading rather than a made-up one: the alert's query sees the gap, the next minute tries again.
                _logger.LogWarning("Queue age of {Queue} unavailable ({Reason})", queue, e.Reason);
            }
        }
    }

    private async Task<TimeSpan> OldestAgeAsync(string queue, CancellationToken cancellationToken)
    {
        // A receiver of its own: peeking moves a receiver's cursor, and each probe starts again from the head.
        await using var receiver = _client.CreateReceiver(queue);
        long? from = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var messages = await receiver.PeekMessagesAsync(PageSize, from, cancellationToken);
            if (messages.Count == 0)
            {
                break;
            }
            if (ServiceBusQueueAge.OldestWaiting(messages, _time.GetUtcNow()) is { } age)
            {
                return age;
            }
            from = messages[^1].SequenceNumber + 1;
        }
        return TimeSpan.Zero;
    }
}
