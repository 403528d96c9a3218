using Azure.Messaging.ServiceBus;

namespace Backend.Functions.Azure;

/// <summary>
/// How long the oldest message of a Service Bus queue has been waiting, from messages peeked in sequence order.
/// Service Bus publishes counts (active, scheduled, dead-lettered) but no age, and age is what says a queue is stuck:
/// a backlog of a hundred fresh uploads is healthy, one job waiting an hour is not.
/// </summary>
public static class ServiceBusQueueAge
{
    /// <summary>
    /// The longest wait among <paramref name="peeked"/>, or <c>null</c> when none is waiting. A message waits from the
    /// later of its enqueue time and its scheduled time (a retry scheduled with a backoff waits only once due); a
    /// message still <see cref="ServiceBusMessageState.Scheduled"/> (its backoff not over) or
    /// <see cref="ServiceBusMessageState.Deferred"/> (set aside on purpose; the pipeline defers none) is not waiting.
    /// Messages a worker holds locked are still waiting, as leased jobs are in SelfHost's queue.
    /// </summary>
    public static TimeSpan? OldestWaiting(IEnumerable<ServiceBusReceivedMessage> peeked, DateTimeOffset now)
    {
        TimeSpan? oldest = null;
        foreach (var message in peeked)
        {
            if (message.State != ServiceBusMessageState.Active)
            {
                continue;
            }
            var since = message.ScheduledEnqueueTime > message.EnqueuedTime ? message.ScheduledEnqueueTime : message.EnqueuedTime;
            // Clocks of the broker and of this instance differ by a little: a just-sent message is 0 s old, never negative.
            var age = now > since ? now - since : TimeSpan.Zero;
            if (oldest is null || age > oldest)
            {
                oldest = age;
            }
        }
        return oldest;
    }
}
