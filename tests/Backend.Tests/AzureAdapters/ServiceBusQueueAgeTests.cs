using System.Diagnostics.Metrics;
using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Backend.Functions.Azure;
using Backend.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Backend.Tests.AzureAdapters;

/// <summary>
/// The age of a Service Bus queue's oldest message, computed from messages as the SDK hands them over
/// (<see cref="ServiceBusModelFactory"/>), and published under SelfHost's instrument; no broker is reachable here, so the
/// client and receiver are the SDK's own types with only the network calls replaced (its documented way to mock).
/// </summary>
public sealed class ServiceBusQueueAgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    private static ServiceBusReceivedMessage Message(long sequence, DateTimeOffset enqueued, ServiceBusMessageState state = ServiceBusMessageState.Active,
        DateTimeOffset scheduled = default) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"), messageId: $"m{sequence}", sequenceNumber: sequence, enqueuedTime: enqueued,
            scheduledEnqueueTime: scheduled, serviceBusMessageState: state);

    [Fact]
    public void The_oldest_active_message_gives_the_age()
    {
        var messages = new[] { Message(1, Now.AddMinutes(-12)), Message(2, Now.AddMinutes(-3)), Message(3, Now.AddSeconds(-1)) };

        Assert.Equal(TimeSpan.FromMinutes(12), ServiceBusQueueAge.OldestWaiting(messages, Now));
    }

    [Fact]
    public void A_retry_in_its_backoff_is_not_waiting_and_a_due_one_waits_from_its_scheduled_time()
    {
        var inBackoff = Message(1, Now.AddMinutes(-30), ServiceBusMessageState.Scheduled, scheduled: Now.AddSeconds(30));
        var deferred = Message(2, Now.AddHours(-2), ServiceBusMessageState.Deferred);
        Assert.Null(ServiceBusQueueAge.OldestWaiting([inBackoff, deferred], Now));

        // Sent 30 minutes ago for a 60 s backoff, active for 29 minutes.
        var due = Message(3, Now.AddMinutes(-30), ServiceBusMessageState.Active, scheduled: Now.AddMinutes(-29));
        Assert.Equal(TimeSpan.FromMinutes(29), ServiceBusQueueAge.OldestWaiting([inBackoff, due, deferred], Now));
    }

    [Fact]
    public void An_empty_queue_has_no_waiting_message_and_a_message_from_a_clock_ahead_is_zero_seconds_old()
    {
        Assert.Null(ServiceBusQueueAge.OldestWaiting([], Now));
        Assert.Equal(TimeSpan.Zero, ServiceBusQueueAge.OldestWaiting([Message(1, Now.AddSeconds(2))], Now));
    }

    [Fact]
    public async Task The_probe_records_each_queue_s_age_under_SelfHost_s_instrument_reading_past_scheduled_messages()
    {
        var scheduled = Enumerable.Range(1, ServiceBusQueueAgeProbe.PageSize)
            .Select(i => Message(i, Now.AddMinutes(-40), ServiceBusMessageState.Scheduled, scheduled: Now.AddMinutes(5)));
        var client = new PeekOnlyClient(new Dictionary<string, ServiceBusReceivedMessage[]>
        {
            // A first page of retries in their backoff, then the job that has waited 7 minutes.
            [QueueNames.OcrJobs] = [.. scheduled, Message(ServiceBusQueueAgeProbe.PageSize + 1, Now.AddMinutes(-7))],
            [QueueNames.AiAnalysis] = [],
        });
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var recorder = new MeterRecorder(meters);
        var probe = new ServiceBusQueueAgeProbe(client, meters, new FixedClock(Now), NullLogger<ServiceBusQueueAgeProbe>.Instance);

        await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(420, recorder.Total(JobQueueMetrics.OldestAgeInstrument, "queue=ocr-jobs"));
        Assert.Equal(0, recorder.Total(JobQueueMetrics.OldestAgeInstrument, "queue=ai-analysis"));
        Assert.Equal(2, client.Peeks[QueueNames.OcrJobs]);
        Assert.Equal(0, client.OpenReceivers);
    }

    [Fact]
    public async Task A_queue_that_cannot_be_read_gets_no_reading_and_the_other_still_does()
    {
        var client = new PeekOnlyClient(new Dictionary<string, ServiceBusReceivedMessage[]>
        {
            [QueueNames.AiAnalysis] = [Message(1, Now.AddSeconds(-90))],
        });
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var recorder = new MeterRecorder(meters);
        var probe = new ServiceBusQueueAgeProbe(client, meters, new FixedClock(Now), NullLogger<ServiceBusQueueAgeProbe>.Instance);

        await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(90, recorder.Total(JobQueueMetrics.OldestAgeInstrument, "queue=ai-analysis"));
        Assert.Equal(90, recorder.Total(JobQueueMetrics.OldestAgeInstrument));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A client whose receivers peek from fixed lists; a queue absent from the lists does not exist.</summary>
    private sealed class PeekOnlyClient(IReadOnlyDictionary<string, ServiceBusReceivedMessage[]> queues) : ServiceBusClient
    {
        public Dictionary<string, int> Peeks { get; } = [];
        public int OpenReceivers { get; set; }

        public override ServiceBusReceiver CreateReceiver(string queueName)
        {
            OpenReceivers++;
            return new PeekOnlyReceiver(this, queueName, queues.GetValueOrDefault(queueName));
        }

        private sealed class PeekOnlyReceiver(PeekOnlyClient client, string queue, ServiceBusReceivedMessage[]? messages) : ServiceBusReceiver
        {
            public override Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekMessagesAsync(int maxMessages, long? fromSequenceNumber = null,
                CancellationToken cancellationToken = default)
            {
                client.Peeks[queue] = client.Peeks.GetValueOrDefault(queue) + 1;
                if (messages is null)
                {
                    throw new ServiceBusException("no such queue", ServiceBusFailureReason.MessagingEntityNotFound);
                }
                IReadOnlyList<ServiceBusReceivedMessage> page = messages
                    .Where(m => fromSequenceNumber is null || m.SequenceNumber >= fromSequenceNumber)
                    .Take(maxMessages).ToList();
                return Task.FromResult(page);
            }

            public override ValueTask DisposeAsync()
            {
                client.OpenReceivers--;
                return ValueTask.CompletedTask;
            }
        }
    }
}
