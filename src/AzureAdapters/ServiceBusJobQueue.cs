using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;

namespace Backend.Functions.Azure;

/// <summary><see cref="IJobQueue"/> over Service Bus; a delay becomes a scheduled enqueue time.</summary>
public sealed class ServiceBusJobQueue(ServiceBusClient client, TimeProvider time) : IJobQueue, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string queue, string body, TimeSpan delay = default, CancellationToken cancellationToken = default)
    {
        var sender = _senders.GetOrAdd(queue, client.CreateSender);
        var message = new ServiceBusMessage(body) { ContentType = "application/json" };
        if (delay > TimeSpan.Zero)
        {
            message.ScheduledEnqueueTime = time.GetUtcNow() + delay;
        }
        await sender.SendMessageAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
