using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;

namespace Backend.Functions.Azure;

/// <summary><see cref="IJobQueue"/> over Service Bus: messages built by <see cref="ServiceBusJobMessage"/> (an id for duplicate detection, a delay as a scheduled enqueue time).</summary>
public sealed class ServiceBusJobQueue(ServiceBusClient client, TimeProvider time) : IJobQueue, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string queue, string body, TimeSpan delay = default, CancellationToken cancellationToken = default)
    {
        var sender = _senders.GetOrAdd(queue, client.CreateSender);
        await sender.SendMessageAsync(ServiceBusJobMessage.Build(queue, body, delay, time.GetUtcNow()), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
