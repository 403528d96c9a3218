namespace Backend.Core.Jobs;

/// <summary>
/// Sends work to a queue. Service Bus implements it in Azure, <see cref="PostgresJobQueue"/> everywhere else.
/// </summary>
public interface IJobQueue
{
    /// <param name="queue">One of <see cref="QueueNames"/>.</param>
    /// <param name="body">The message body, usually a small JSON document.</param>
    /// <param name="delay">How long the message stays invisible; used for retry backoff.</param>
    Task EnqueueAsync(string queue, string body, TimeSpan delay = default, CancellationToken cancellationToken = default);
}
