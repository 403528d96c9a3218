using System.Collections.Concurrent;

namespace Backend.SelfHost.Jobs;

/// <summary>Wakes idle workers of a queue when a job is enqueued, so they need not wait for their next poll.</summary>
internal sealed class QueueSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public void Notify(string queue)
    {
        var signal = SignalOf(queue);
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    public Task<bool> WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalOf(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim SignalOf(string queue) => _signals.GetOrAdd(queue, _ => new SemaphoreSlim(0));
}
